//! Signals that end the reader: `kill` (SIGTERM), a closed terminal (SIGHUP), an
//! interrupt sent from outside (SIGINT; Ctrl-C itself is a key in raw mode) and SIGQUIT.
//! Each only raises a flag; the event loop sees it within a tick and leaves the way `q`
//! does, so the terminal is given back (raw mode, alternate screen, mouse tracking).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A request to stop, raised by a signal.
pub struct Stop {
    raised: Arc<AtomicBool>,
    handlers: Vec<signal_hook::SigId>,
    /// Lowered when the reader has closed: the terminal watcher stops with it.
    watching: Arc<AtomicBool>,
}

impl Stop {
    /// Installs the handlers; they are removed again when the `Stop` is dropped, so
    /// that what runs after the reader gets the signals' usual behaviour back.
    pub fn install() -> Stop {
        let raised = Arc::new(AtomicBool::new(false));
        let handlers = signal_hook::consts::TERM_SIGNALS
            .iter()
            .chain(&[signal_hook::consts::SIGHUP])
            .filter_map(|&sig| signal_hook::flag::register(sig, Arc::clone(&raised)).ok())
            .collect();
        let watching = Arc::new(AtomicBool::new(true));
        watch_terminal(Arc::clone(&raised), Arc::clone(&watching));
        Stop {
            raised,
            handlers,
            watching,
        }
    }

    pub fn requested(&self) -> bool {
        self.raised.load(Ordering::Relaxed)
    }
}

/// How often the terminal is looked at, and how long the reader has to leave on its own
/// once the terminal is gone.
const WATCH_TICK: Duration = Duration::from_millis(250);
const GRACE: Duration = Duration::from_secs(1);

/// Watches the terminal the keys come from. When its other side hangs up (the window or
/// pane is closed) no SIGHUP may come, and reading the keys only ever finds their end,
/// which the terminal library reads again and again: the reader is asked to stop, and
/// if it has not within a second, the process ends (there is no terminal left to give
/// back).
fn watch_terminal(raised: Arc<AtomicBool>, watching: Arc<AtomicBool>) {
    use std::io::IsTerminal;
    let tty: Option<std::fs::File> = match std::io::stdin().is_terminal() {
        true => None,
        false => std::fs::File::open("/dev/tty").ok(),
    };
    std::thread::spawn(move || loop {
        std::thread::sleep(WATCH_TICK);
        if !watching.load(Ordering::Relaxed) {
            return;
        }
        let gone = match &tty {
            Some(file) => hung_up(file),
            None => hung_up(&std::io::stdin()),
        };
        if gone {
            raised.store(true, Ordering::Relaxed);
            std::thread::sleep(GRACE);
            std::process::exit(129); // as if killed by SIGHUP
        }
    });
}

/// Whether the other side of a terminal has hung up.
fn hung_up(fd: &impl std::os::fd::AsFd) -> bool {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    let mut fds = [PollFd::new(fd, PollFlags::empty())];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut fds, Some(&now)).is_ok() && fds[0].revents().contains(PollFlags::HUP)
}

impl Drop for Stop {
    fn drop(&mut self) {
        self.watching.store(false, Ordering::Relaxed);
        for id in self.handlers.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
