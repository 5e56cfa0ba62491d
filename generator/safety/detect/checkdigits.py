"""Check digits: what lets a number's shape speak for itself.

A number written in the shape of an ID is reported on its shape alone only when its check digit is
right (an Aadhaar number's Verhoeff digit, a CPF's two digits, a SIN's Luhn digit…): a random number
of that shape passes one time in ten or a hundred, so a count, a price or a reference that happens to
have the shape stays quiet. Without a right check digit the document's name must be near the number.
The arithmetic is python-stdnum's, a maintained library of these schemes; Verhoeff is kept here
because tests build Aadhaar numbers with it.
"""

from __future__ import annotations

from stdnum import luhn
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.fr import nir
from stdnum.in_ import aadhaar
from stdnum.iso7064 import mod_97_10
from stdnum.mx import curp
from stdnum.verhoeff import calc_check_digit, is_valid

__all__ = [
    "aadhaar_valid",
    "cnj_valid",
    "cpf_valid",
    "curp_valid",
    "luhn_valid",
    "nir_valid",
    "sin_valid",
    "verhoeff_digit",
    "verhoeff_valid",
]


def verhoeff_valid(digits: str) -> bool:
    """True when the last digit is the Verhoeff check digit of the others (as on every Aadhaar)."""
    return bool(is_valid(digits))


def verhoeff_digit(digits: str) -> str:
    """The check digit to append to `digits`."""
    return str(calc_check_digit(digits))


def aadhaar_valid(number: str) -> bool:
    """Twelve digits, not starting with 0 or 1, not a palindrome, with a right Verhoeff digit."""
    return bool(aadhaar.is_valid(number))


def curp_valid(number: str) -> bool:
    """A Mexican CURP: a real birth date, sex, state and the last character's check digit."""
    return bool(curp.is_valid(number))


def cpf_valid(number: str) -> bool:
    """A Brazilian CPF: both check digits right (and not 000.000.000-00 and the like)."""
    return bool(cpf.is_valid(number))


def sin_valid(number: str) -> bool:
    """A Canadian Social Insurance Number: nine digits with a right Luhn digit, a real first digit."""
    return bool(sin.is_valid(number))


def nir_valid(number: str) -> bool:
    """A French NIR (numéro de sécurité sociale) with its two-digit key."""
    return bool(nir.is_valid(number))


def luhn_valid(digits: str) -> bool:
    return bool(luhn.is_valid(digits))


def cnj_valid(number: str) -> bool:
    """A Brazilian process number in the CNJ form NNNNNNN-DD.AAAA.J.TR.OOOO: DD is its ISO 7064
    mod 97-10 check, computed over the other digits with DD moved to the end."""
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) != 20:
        return False
    return bool(mod_97_10.is_valid(digits[:7] + digits[9:] + digits[7:9]))
