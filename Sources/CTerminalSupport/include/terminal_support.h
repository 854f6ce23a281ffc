#ifndef TWOFUTURES_TERMINAL_SUPPORT_H
#define TWOFUTURES_TERMINAL_SUPPORT_H

/// Async-signal-safe terminal restoration for TwoFutures.
///
/// Swift cannot safely run code inside a signal handler, so these few functions are C:
/// the handlers only use async-signal-safe calls (write, tcsetattr, signal, raise).

/// Saves the terminal's current settings (call before curses starts) and the reset
/// sequence to write on a crash (leave the alternate screen, show the cursor, stop mouse
/// reporting, reset attributes).
void tf_save_terminal(int fd);

/// Installs handlers: SIGINT, SIGTERM and SIGHUP set a flag and wake the main loop;
/// SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT and SIGFPE restore the terminal, then re-raise
/// with the default action. Returns the read end of the wake-up pipe, or -1.
int tf_install_signal_handlers(void);

/// Restores the default handlers.
void tf_remove_signal_handlers(void);

/// The signal that asked the program to quit (SIGINT, SIGTERM, SIGHUP), or 0.
int tf_pending_quit_signal(void);

/// Wakes the main loop from another thread (for example when an ensemble finished).
void tf_wake(void);

/// Drains the wake-up pipe.
void tf_drain_wake(void);

/// Restores the saved terminal settings and writes the reset sequence (safe anywhere).
void tf_restore_terminal_now(void);

/// Waits until fd `input` is readable, the wake pipe has data, or `timeout_ms` passes
/// (-1: no limit). Returns 1 for input, 2 for a wake-up, 0 for a timeout, -1 when a
/// signal interrupted the wait.
int tf_wait(int input, int timeout_ms);

#endif
