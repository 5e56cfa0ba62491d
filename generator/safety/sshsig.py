"""SSH signatures for reviews, made and checked by OpenSSH's own `ssh-keygen -Y` (the signatures git
uses), never by code of ours: a review is bound to a person by their key.

The site's repository keeps an allowed-signers file (`principal key`, one line per reviewer, see
`man ssh-keygen`, ALLOWED SIGNERS) and, optionally, a file of revoked public keys (one per line):
a reviewer who leaves is removed from the first and added to the second.
"""

from __future__ import annotations

import base64
import pathlib
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass

NAMESPACE = "impactsite-review"  # a signature made for anything else (git commits, files) never counts
_ARMOR = ("-----BEGIN SSH SIGNATURE-----", "-----END SSH SIGNATURE-----")


class SigningError(Exception):
    """ssh-keygen is missing or could not sign; the message says why in plain words."""


@dataclass(frozen=True)
class Verdict:
    """What a signature proves. `status`: valid, unsigned, malformed, unknown-key, revoked,
    wrong-signer (another allowed reviewer's key) or mismatch (the signed words differ)."""

    status: str
    principals: tuple[str, ...] = ()  # who the signing key belongs to, per the allowed signers

    @property
    def valid(self) -> bool:
        return self.status == "valid"


def _ssh_keygen() -> str:
    found = shutil.which("ssh-keygen")
    if found is None:
        raise SigningError(
            "ssh-keygen was not found; install OpenSSH (on Debian: apt-get install openssh-client)"
        )
    return found


def sign(payload: bytes, key: pathlib.Path) -> str:
    """The armored signature of `payload` with `key` (a private key, or a public key whose private
    half is in ssh-agent). ssh-keygen asks for the key's passphrase itself, on the terminal."""
    with tempfile.TemporaryDirectory(prefix="impactsite-sign-") as tmp:
        message = pathlib.Path(tmp) / "review.txt"
        message.write_bytes(payload)
        done = subprocess.run(
            [_ssh_keygen(), "-q", "-Y", "sign", "-f", str(key), "-n", NAMESPACE, str(message)],
            capture_output=True,
            text=True,
            check=False,
        )
        signature = message.with_name("review.txt.sig")
        if done.returncode != 0 or not signature.is_file():
            why = " ".join(done.stderr.split()) or f"exit code {done.returncode}"
            raise SigningError(f"ssh-keygen could not sign with {key}: {why}")
        return signature.read_text(encoding="ascii").strip() + "\n"


def signing_key(signature: str) -> str | None:
    """`type base64` of the public key inside an armored SSHSIG signature, or None if it is not one."""
    text = signature.strip()
    if not (text.startswith(_ARMOR[0]) and text.endswith(_ARMOR[1])):
        return None
    try:
        blob = base64.b64decode("".join(text[len(_ARMOR[0]) : -len(_ARMOR[1])].split()), validate=True)
    except ValueError:
        return None
    if blob[:6] != b"SSHSIG" or len(blob) < 14:
        return None
    (size,) = struct.unpack(">I", blob[10:14])
    key = blob[14 : 14 + size]
    if len(key) != size or len(key) < 4:
        return None
    (kind_size,) = struct.unpack(">I", key[:4])
    kind = key[4 : 4 + kind_size].decode("ascii", "replace")
    return f"{kind} {base64.b64encode(key).decode('ascii')}"


def listed_keys(path: pathlib.Path) -> set[str]:
    """`type base64` of every public key in a file of keys (or an allowed-signers file)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    found = set()
    for line in lines:
        words = line.split()
        for i, word in enumerate(words[:-1]):
            if word.startswith(("ssh-", "ecdsa-", "sk-")) and len(words[i + 1]) > 40:
                found.add(f"{word} {words[i + 1]}")
                break
    return found


def verify(
    payload: bytes, signature: str | None, signer: str, allowed: pathlib.Path, revoked: pathlib.Path | None
) -> Verdict:
    """Check that `signature` is `signer`'s signature of `payload` under our namespace."""
    if not signature or not signature.strip():
        return Verdict("unsigned")
    key = signing_key(signature)
    if key is None:
        return Verdict("malformed")
    if revoked is not None and key in listed_keys(revoked):
        return Verdict("revoked")
    with tempfile.TemporaryDirectory(prefix="impactsite-verify-") as tmp:
        sig = pathlib.Path(tmp) / "review.sig"
        sig.write_text(signature.strip() + "\n", encoding="ascii", errors="replace")
        principals = _principals(sig, allowed)
        args = [
            _ssh_keygen(),
            "-Y",
            "verify",
            "-f",
            str(allowed),
            "-I",
            signer,
            "-n",
            NAMESPACE,
            "-s",
            str(sig),
        ]
        if revoked is not None and revoked.is_file():
            args += ["-r", str(revoked)]
        done = subprocess.run(args, input=payload, capture_output=True, check=False)
    if done.returncode == 0:
        return Verdict("valid", principals)
    if not principals:
        return Verdict("unknown-key")
    if signer not in principals:
        return Verdict("wrong-signer", principals)
    return Verdict("mismatch", principals)


def _principals(sig: pathlib.Path, allowed: pathlib.Path) -> tuple[str, ...]:
    done = subprocess.run(
        [_ssh_keygen(), "-Y", "find-principals", "-f", str(allowed), "-s", str(sig)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return ()
    return tuple(
        sorted({p.strip() for line in done.stdout.splitlines() for p in line.split(",") if p.strip()})
    )
