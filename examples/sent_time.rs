use onrecord::article::{parse_text, Format};
use unicode_segmentation::UnicodeSegmentation;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let a = parse_text("b.txt", text, Format::Plain);
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let mut n = 0;
        for p in &a.paragraphs {
            n += onrecord::annotate::text::sentences(&a.text, p.span).len();
        }
        let t1 = t.elapsed();
        let t = std::time::Instant::now();
        let mut m = 0;
        for p in &a.paragraphs {
            m += p.span.slice(&a.text).split_sentence_bound_indices().count();
        }
        println!("ours {:?} {} crate {:?} {}", t1, n, t.elapsed(), m);
    }
}
