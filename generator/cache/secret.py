"""The key that authenticates a site's store: from IMPACTSITE_STORE_KEY (CI: a secret, so that a
restored cache cannot be forged), else `.impactsite/store.key`, 32 random bytes made on first use
and readable by its owner only (a key others could read or change is replaced)."""

from __future__ import annotations

import hashlib
import os
import pathlib
import secrets

KEY_FILE = "store.key"
KEY_ENV = "IMPACTSITE_STORE_KEY"


def site_secret(state_dir: pathlib.Path, *, create: bool, notes: list[str]) -> bytes | None:
    """The key that authenticates this site's store: from the environment, or the site's key file
    (made on first use, readable by its owner only). None when there is none and none may be made."""
    env = os.environ.get(KEY_ENV)
    if env:
        return hashlib.blake2b(env.encode(), digest_size=32, person=b"impactsite-st").digest()
    path = state_dir / KEY_FILE
    try:
        st = path.stat()
        if os.name == "posix" and st.st_mode & 0o077:
            notes.append(f"{path} could be read or changed by other users; a new key was made")
            if not create:
                return None
            path.unlink()
            raise FileNotFoundError
        data = path.read_bytes()
        if len(data) == 64:
            return bytes.fromhex(data.decode("ascii"))
        notes.append(f"{path} is not a store key; a new key was made")
        if not create:
            return None
        path.unlink()
    except FileNotFoundError:
        pass
    except (OSError, ValueError, UnicodeDecodeError):
        notes.append(f"{path} could not be read; results from earlier builds are not reused")
        return None
    if not create:
        return None
    key = secrets.token_bytes(32)
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key.hex().encode("ascii"))
    except OSError:
        return None  # cannot keep a key (read-only disk): nothing is reused, nothing is stored
    return key
