#ifndef TWOFUTURES_PTY_SPAWN_H
#define TWOFUTURES_PTY_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` on a new pseudo-terminal of `cols`×`rows` (its own
/// session, the terminal as its controlling terminal): how `twofutures bench` measures the
/// dashboard as a user's terminal sees it. Stores the master side in `*master` and returns
/// the child's pid, or -1 (errno set).
pid_t tf_spawn_on_pty(
    const char *path, char *const argv[], char *const envp[], unsigned short cols, unsigned short rows, int *master);

#endif
