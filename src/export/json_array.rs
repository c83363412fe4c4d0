//! JSON arrays written an element at a time, in the bytes serde_json's printers give
//! for the whole array: elements come rendered on their own, at the top level.

use std::io::{self, Write};

/// serde_json's pretty printer indents each level by this.
const INDENT: &[u8] = b"  ";

/// An open array `depth` levels deep in a document.
pub struct JsonArray {
    depth: usize,
    pretty: bool,
    len: usize,
}

impl JsonArray {
    pub fn open(out: &mut impl Write, depth: usize, pretty: bool) -> io::Result<Self> {
        out.write_all(b"[")?;
        Ok(JsonArray {
            depth,
            pretty,
            len: 0,
        })
    }

    /// Writes one element, given as serde_json renders it at the top level.
    pub fn push(&mut self, out: &mut impl Write, element: &[u8]) -> io::Result<()> {
        if self.len > 0 {
            out.write_all(b",")?;
        }
        self.len += 1;
        if !self.pretty {
            return out.write_all(element);
        }
        let indent = INDENT.repeat(self.depth + 1);
        out.write_all(b"\n")?;
        out.write_all(&indent)?;
        write_indented(out, element, &indent)
    }

    /// Writes one element that `write` renders into the output as serde_json does at the
    /// top level, indented on the way, so that a large element is never whole in memory.
    pub fn push_with<W: Write, E: From<io::Error>>(
        &mut self,
        out: &mut W,
        write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.len > 0 {
            out.write_all(b",")?;
        }
        self.len += 1;
        if !self.pretty {
            return write(out);
        }
        let indent = INDENT.repeat(self.depth + 1);
        out.write_all(b"\n")?;
        out.write_all(&indent)?;
        write(&mut Indented { out, indent })
    }

    /// Closes the array; returns how many elements it holds.
    pub fn close(self, out: &mut impl Write) -> io::Result<usize> {
        if self.pretty && self.len > 0 {
            out.write_all(b"\n")?;
            out.write_all(&INDENT.repeat(self.depth))?;
        }
        out.write_all(b"]")?;
        Ok(self.len)
    }
}

/// A writer that puts `indent` after each line break it passes on.
struct Indented<'w, W: Write> {
    out: &'w mut W,
    indent: Vec<u8>,
}

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        write_indented(&mut *self.out, buf, &self.indent)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes `text` with `indent` after each line break. Line breaks in pretty JSON are
/// all layout: the ones inside strings are escaped.
fn write_indented(out: &mut impl Write, text: &[u8], indent: &[u8]) -> io::Result<()> {
    let mut from = 0;
    for at in memchr::memchr_iter(b'\n', text) {
        out.write_all(&text[from..=at])?;
        out.write_all(indent)?;
        from = at + 1;
    }
    out.write_all(&text[from..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn streamed(elements: &[Value], pretty: bool) -> String {
        let mut out = Vec::new();
        let mut array = JsonArray::open(&mut out, 0, pretty).unwrap();
        for e in elements {
            let text = if pretty {
                serde_json::to_vec_pretty(e)
            } else {
                serde_json::to_vec(e)
            };
            array.push(&mut out, &text.unwrap()).unwrap();
        }
        array.close(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn elements_written_in_place_match_serde_json() {
        let elements = [json!({"a": [1, {"b": "x\ny"}], "c": {}}), json!([2, 3])];
        for pretty in [true, false] {
            let mut out = Vec::new();
            let mut array = JsonArray::open(&mut out, 0, pretty).unwrap();
            for e in &elements {
                let render = |w: &mut dyn Write| match pretty {
                    true => serde_json::to_writer_pretty(w, e),
                    false => serde_json::to_writer(w, e),
                };
                array
                    .push_with(&mut out, |w| render(w).map_err(io::Error::from))
                    .unwrap();
            }
            array.close(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), streamed(&elements, pretty));
        }
    }

    #[test]
    fn matches_serde_json_for_zero_one_and_several_elements() {
        let elements = [
            json!({"a": [1, {"b": "x\ny"}], "c": {}}),
            json!([]),
            json!("s"),
        ];
        for n in 0..=elements.len() {
            let whole = Value::from(elements[..n].to_vec());
            assert_eq!(
                streamed(&elements[..n], true),
                serde_json::to_string_pretty(&whole).unwrap()
            );
            assert_eq!(
                streamed(&elements[..n], false),
                serde_json::to_string(&whole).unwrap()
            );
        }
    }
}
