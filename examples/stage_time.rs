use onrecord::article::{parse_text, Format};
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let a = parse_text("b.txt", text, Format::Plain);
    let mb = a.text.len() as f64 / 1e6;
    let (mut bp, mut bs) = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        let t = cpu();
        let people = onrecord::annotate::people::find_people(&a);
        let tp = cpu() - t;
        let t = cpu();
        let sources = onrecord::annotate::sources::find_sources(&a, &people);
        let ts = cpu() - t;
        bp = bp.min(tp);
        bs = bs.min(ts);
        std::hint::black_box((people, sources));
    }
    println!(
        "cpu best of 3: people {:.2}s ({:.1} MB/s) sources {:.2}s ({:.1} MB/s) total {:.1} MB/s",
        bp,
        mb / bp,
        bs,
        mb / bs,
        mb / (bp + bs)
    );
}
