//! The bundled sample articles, embedded so the reader opens them from anywhere.

/// (file name, contents) of each sample, in reading order.
pub const SAMPLES: &[(&str, &[u8])] = &[
    (
        "nyt-sessions-offered-to-resign.txt",
        include_bytes!("../sample_articles/nyt-sessions-offered-to-resign.txt"),
    ),
    (
        "hotair-sessions-fed-up.txt",
        include_bytes!("../sample_articles/hotair-sessions-fed-up.txt"),
    ),
];
