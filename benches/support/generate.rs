//! Large articles for the benchmarks: the blog sample's paragraphs repeated with the
//! surnames varied, so that the number of people grows with the text as in a corpus.

pub fn generated(bytes: usize) -> String {
    let sample = String::from_utf8_lossy(onrecord::samples::SAMPLES[1].1).into_owned();
    let body: Vec<&str> = sample.split("\n\n").skip(1).collect();
    let mut text = String::from("A generated article\n\n");
    let mut round = 0;
    while text.len() < bytes {
        for p in &body {
            // Vary the surnames so each round introduces new people.
            text.push_str(
                &p.replace("Sessions", &format!("Sessions{round}"))
                    .replace("Comey", &format!("Comey{round}")),
            );
            text.push_str("\n\n");
        }
        round += 1;
    }
    text
}
