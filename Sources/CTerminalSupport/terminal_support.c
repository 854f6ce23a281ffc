#include "terminal_support.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static int saved_fd = -1;
static volatile sig_atomic_t quit_signal = 0;
static volatile sig_atomic_t resumed = 0;
static int wake_pipe[2] = {-1, -1};

/* Leave the alternate screen, show the cursor, stop mouse reporting (1000/1002/1003/1006),
   reset attributes, leave keypad-transmit mode. */
static const char reset_sequence[] =
    "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[0m\033[?25h\033[?1049l\033>";

/* SIGQUIT (Ctrl-backslash) is here too: its default action ends the process (and may dump core);
   without a handler the Swift runtime's backtracer would print over the screen. */
static const char alternate_screen[] = "\033[?1049h";

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT};
static const int quit_signals[] = {SIGINT, SIGTERM, SIGHUP};

void tf_save_terminal(int fd) {
    if (tcgetattr(fd, &saved_termios) == 0) saved_fd = fd;
}

void tf_restore_terminal_now(void) {
    if (saved_fd >= 0) {
        ssize_t ignored = write(saved_fd, reset_sequence, sizeof reset_sequence - 1);
        (void)ignored;
        tcsetattr(saved_fd, TCSAFLUSH, &saved_termios);
    }
}

static int crash_note_fd = -1;
static char crash_note[512];
static size_t crash_note_length = 0;

void tf_set_crash_note(int fd, const char *message) {
    size_t n = strlen(message);
    if (n >= sizeof crash_note) n = sizeof crash_note - 1;
    memcpy(crash_note, message, n);
    crash_note_length = n;
    crash_note_fd = fd;
}

static char cleanup_path[256];

void tf_set_cleanup_path(const char *path) {
    size_t n = path ? strlen(path) : 0;
    if (n >= sizeof cleanup_path) n = 0;
    cleanup_path[0] = 0;
    memcpy(cleanup_path, path ? path : "", n);
    cleanup_path[n] = 0;
}

static void on_crash(int sig) {
    tf_restore_terminal_now();
    if (cleanup_path[0]) unlink(cleanup_path);
    if (crash_note_fd >= 0 && crash_note_length > 0) {
        ssize_t ignored = write(crash_note_fd, crash_note, crash_note_length);
        (void)ignored;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_quit(int sig) {
    int saved_errno = errno;
    quit_signal = sig;
    if (wake_pipe[1] >= 0) {
        ssize_t ignored = write(wake_pipe[1], "q", 1);
        (void)ignored;
    }
    errno = saved_errno;
}

static void on_continue(int sig);

/* Ctrl-Z: give the terminal back as the shell expects it, stop with the default action,
   and once continued put the program's settings back and wake the main loop, which
   re-enters curses and repaints everything (tf_take_resumed). Async-signal-safe: only
   tcgetattr, tcsetattr, write, sigaction, pthread_sigmask and raise. */
static void on_stop(int sig) {
    int saved_errno = errno;
    struct termios program;
    int have_program = saved_fd >= 0 && tcgetattr(saved_fd, &program) == 0;
    tf_restore_terminal_now();

    struct sigaction action, previous;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_DFL;
    sigaction(sig, &action, &previous);
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, sig);
    pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
    raise(sig); /* the process stops here until SIGCONT */
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    sigaction(sig, &previous, NULL);

    if (have_program) tcsetattr(saved_fd, TCSADRAIN, &program);
    /* Back to the alternate screen, saving the cursor where the shell left it; the main
       loop then leaves curses (endwin restores that cursor) and sets it up again. */
    if (saved_fd >= 0) {
        ssize_t ignored = write(saved_fd, alternate_screen, sizeof alternate_screen - 1);
        (void)ignored;
    }
    on_continue(SIGCONT);
    errno = saved_errno;
}

/* SIGCONT (also after a plain SIGSTOP): the screen may have been drawn over meanwhile. */
static void on_continue(int sig) {
    int saved_errno = errno;
    (void)sig;
    resumed = 1;
    if (wake_pipe[1] >= 0) {
        ssize_t ignored = write(wake_pipe[1], "c", 1);
        (void)ignored;
    }
    errno = saved_errno;
}

int tf_install_signal_handlers(void) {
    if (wake_pipe[0] < 0) {
        if (pipe(wake_pipe) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_quit;
    for (unsigned i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) sigaction(quit_signals[i], &action, NULL);
    action.sa_handler = on_continue;
    sigaction(SIGCONT, &action, NULL);
    /* Only when Ctrl-Z may stop us: a parent that ignores SIGTSTP (no job control) keeps
       it ignored. Installed before initscr, so curses does not install its own handler
       (which runs curses calls inside the signal handler). */
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) == 0 && current.sa_handler != SIG_IGN) {
        action.sa_handler = on_stop;
        sigaction(SIGTSTP, &action, NULL);
    }
    action.sa_handler = on_crash;
    action.sa_flags = SA_RESETHAND;
    for (unsigned i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) sigaction(crash_signals[i], &action, NULL);
    /* A parent may have left these blocked (the mask is inherited across exec); unblock
       them, or q would be the only way out. */
    sigset_t handled;
    sigemptyset(&handled);
    for (unsigned i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) sigaddset(&handled, quit_signals[i]);
    sigaddset(&handled, SIGTSTP);
    sigaddset(&handled, SIGCONT);
    for (unsigned i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) sigaddset(&handled, crash_signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &handled, NULL);
    return wake_pipe[0];
}

void tf_remove_signal_handlers(void) {
    for (unsigned i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) signal(quit_signals[i], SIG_DFL);
    for (unsigned i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) signal(crash_signals[i], SIG_DFL);
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) == 0 && current.sa_handler == on_stop) signal(SIGTSTP, SIG_DFL);
    signal(SIGCONT, SIG_DFL);
}

int tf_take_resumed(void) {
    if (!resumed) return 0;
    resumed = 0;
    return 1;
}

int tf_pending_quit_signal(void) { return quit_signal; }

void tf_wake(void) {
    if (wake_pipe[1] >= 0) {
        ssize_t ignored = write(wake_pipe[1], "w", 1);
        (void)ignored;
    }
}

void tf_drain_wake(void) {
    char buffer[64];
    if (wake_pipe[0] < 0) return;
    while (read(wake_pipe[0], buffer, sizeof buffer) > 0) {
    }
}

int tf_wait(int input, int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = input;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    fds[1].fd = wake_pipe[0];
    fds[1].events = POLLIN;
    fds[1].revents = 0;
    int ready = poll(fds, wake_pipe[0] >= 0 ? 2 : 1, timeout_ms);
    if (ready < 0) return -1;
    if (ready == 0) return 0;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) return 1;
    return 2;
}

void tf_disable_flow_control(int fd) {
    struct termios settings;
    if (tcgetattr(fd, &settings) != 0) return;
    settings.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    tcsetattr(fd, TCSADRAIN, &settings);
}
