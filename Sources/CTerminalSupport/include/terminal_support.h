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
/// SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE and SIGQUIT restore the terminal, then
/// re-raise with the default action; SIGTSTP (Ctrl-Z, unless ignored) restores the terminal,
/// stops, and once continued puts the program's terminal settings back; SIGCONT sets the
/// resumed flag and wakes the main loop. Returns the read end of the wake-up pipe, or -1.
int tf_install_signal_handlers(void);

/// Restores the default handlers.
void tf_remove_signal_handlers(void);

/// The signal that asked the program to quit (SIGINT, SIGTERM, SIGHUP), or 0.
int tf_pending_quit_signal(void);

/// Whether the process was continued (after Ctrl-Z or SIGSTOP) since the last call: the
/// screen must be set up again and repainted. Clears the flag.
int tf_take_resumed(void);

/// Wakes the main loop from another thread (for example when an ensemble finished).
void tf_wake(void);

/// Drains the wake-up pipe.
void tf_drain_wake(void);

/// Restores the saved terminal settings and writes the reset sequence (safe anywhere).
void tf_restore_terminal_now(void);

/// A line the crash handler writes to `fd` (the real stderr) once the terminal is
/// restored, e.g. where the program's error output went. -1 disables it.
void tf_set_crash_note(int fd, const char *message);

/// A file the crash handler removes (the notes socket, so that no stale one is left);
/// NULL or "" for none.
void tf_set_cleanup_path(const char *path);

/// Waits until fd `input` is readable, the wake pipe has data, or `timeout_ms` passes
/// (-1: no limit). Returns 1 for input, 2 for a wake-up, 0 for a timeout, -1 when a
/// signal interrupted the wait.
int tf_wait(int input, int timeout_ms);

/// Turns off XON/XOFF flow control on `fd`: with it on, Ctrl-S would freeze all output
/// (and so the dashboard) until Ctrl-Q. The saved settings keep it for the shell.
void tf_disable_flow_control(int fd);

#endif
