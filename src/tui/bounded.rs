//! A terminal backend that never reports more than [`MAX_WIDTH`] × [`MAX_HEIGHT`].
//!
//! ratatui keeps two buffers of one cell per column and row of the reported size, so a
//! terminal (or a hostile emulator) that reports 65535 × 65535 would have every frame
//! allocate some 200 GB. Nothing the reader shows needs more than a very large screen:
//! beyond the bound, the reader draws in its top-left corner.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Wider than any real screen at a readable font (an 8K display at 8-pixel cells is 960).
pub const MAX_WIDTH: u16 = 1000;
/// Taller than any real screen at a readable font (an 8K display at 16-pixel rows is 270).
pub const MAX_HEIGHT: u16 = 500;

/// `B`, with its size bounded.
#[derive(Debug)]
pub struct Bounded<B>(pub B);

/// `size`, cut to what the reader will draw.
pub fn bound(size: Size) -> Size {
    Size::new(size.width.min(MAX_WIDTH), size.height.min(MAX_HEIGHT))
}

impl<B: Backend> Backend for Bounded<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size().map(bound)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut window = self.0.window_size()?;
        window.columns_rows = bound(window.columns_rows);
        Ok(window)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    /// A backend that reports any size and keeps nothing (a `TestBackend` of the same
    /// size would itself allocate what this test is about).
    struct Huge;

    impl Backend for Huge {
        type Error = Infallible;
        fn draw<'a, I>(&mut self, content: I) -> Result<(), Infallible>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            content.for_each(drop);
            Ok(())
        }
        fn hide_cursor(&mut self) -> Result<(), Infallible> {
            Ok(())
        }
        fn show_cursor(&mut self) -> Result<(), Infallible> {
            Ok(())
        }
        fn get_cursor_position(&mut self) -> Result<Position, Infallible> {
            Ok(Position::ORIGIN)
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> Result<(), Infallible> {
            Ok(())
        }
        fn clear(&mut self) -> Result<(), Infallible> {
            Ok(())
        }
        fn clear_region(&mut self, _: ClearType) -> Result<(), Infallible> {
            Ok(())
        }
        fn size(&self) -> Result<Size, Infallible> {
            Ok(Size::new(u16::MAX, u16::MAX))
        }
        fn window_size(&mut self) -> Result<WindowSize, Infallible> {
            Ok(WindowSize {
                columns_rows: Size::new(u16::MAX, u16::MAX),
                pixels: Size::new(0, 0),
            })
        }
        fn flush(&mut self) -> Result<(), Infallible> {
            Ok(())
        }
    }

    #[test]
    fn a_huge_terminal_is_drawn_within_the_bound() {
        let mut terminal = ratatui::Terminal::new(Bounded(Huge)).expect("a terminal");
        let frame = terminal
            .draw(|f| f.render_widget(ratatui::widgets::Paragraph::new("hello"), f.area()))
            .expect("a frame");
        assert_eq!(frame.area.width, MAX_WIDTH);
        assert_eq!(frame.area.height, MAX_HEIGHT);
        assert_eq!(frame.buffer.content.len(), 1000 * 500);
    }

    #[test]
    fn a_small_terminal_keeps_its_size() {
        assert_eq!(bound(Size::new(80, 24)), Size::new(80, 24));
        assert_eq!(bound(Size::new(2000, 30)), Size::new(MAX_WIDTH, 30));
    }
}
