"""Reading a file a person names (an answers file, a bank's YAML): bounded, and only real files.

A path may name `/dev/zero`, a named pipe that never ends or blocks until someone writes, or a
folder. Opening without blocking and checking the open file's own status (not the path's, which
could change in between) means such a path is refused at once, and a regular file is never read
past its limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path names a device, a pipe, a socket or the like: nothing a person saved."""


class FileTooLarge(OSError):
    """The file holds more bytes than the reader accepts."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, "file too large")
        self.size = size
        self.limit = limit


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises FileTooLarge, NotRegularFile, IsADirectoryError or another OSError from opening it.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        size = os.fstat(fd).st_size
        if size > limit:
            raise FileTooLarge(size, limit)
        data = f.read(limit + 1)  # a file can grow between the check and the read
    if len(data) > limit:
        raise FileTooLarge(len(data), limit)
    return data


OS_REASONS = {
    errno.EACCES: "access",
    errno.EPERM: "access",
    errno.EISDIR: "is_dir",
    errno.ENOTDIR: "not_dir",
    errno.ENOENT: "missing",
    errno.ENAMETOOLONG: "name_too_long",
    errno.ELOOP: "loop",
    errno.ENOSPC: "disk_full",
    errno.EROFS: "read_only",
    errno.EIO: "io",
}
"""OS errors a person can act on, by the i18n key (`error.os.…`) that says what happened."""


def os_reason(exc: OSError) -> tuple[str, dict[str, object]]:
    """The i18n key and params that say, in the user's language, why a file operation failed."""
    if isinstance(exc, NotRegularFile):
        return "error.os.not_regular", {}
    reason = OS_REASONS.get(exc.errno or 0)
    if reason is not None:
        return f"error.os.{reason}", {}
    return "error.os.other", {"code": errno.errorcode.get(exc.errno or 0, str(exc.errno))}
