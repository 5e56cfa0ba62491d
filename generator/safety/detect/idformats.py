"""Identity documents, case files and vehicle plates of the countries stories come from, as data.

Two tables. `SHAPES`: formats specific enough to be reported wherever they are written, each with
what lets its shape speak alone — a check digit (Aadhaar, CURP, CPF, SIN, NIR, CNJ process numbers),
a real date inside it (RFC) or a layout nothing else has (PAN, INE's clave de elector, SSS). A shape
whose check fails is not reported on its shape: it may be a reference or an amount.

`LABELS`: the names documents, case files and plates are given in the five languages. A number right
after one of them ("CURP: …", "su pasaporte es …", "boletim de ocorrência nº …", "plate ABC 1234") is
reported whatever its shape. A label written in capitals in the table (CPF, SIN, RG) must be written
in capitals in the text: "sin" is Spanish for "without", "pan" is bread. The vocabularies' `id_words`
add labels of the general kind ("an ID number").

A label's kind says how much of a number it takes: an ID needs four digits or more, a case number
three or a separator ("FIR 12/2024"), a plate letters and digits together (it may come a few words
after its label: "the plate of the van was ABC-1234", as may an ID that cannot be a count: "su
pasaporte mexicano, número G12345678"). A vocabulary's id_words (ANY_ID) need a number that cannot be
a count either: a "no."/"nº" before it, six digits, letters or a separator ("conta 1500 voluntários"
is a count).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from stdnum.mx import rfc as _rfc

from generator.safety.detect import checkdigits as cd

ID, CASE, PLATE, ANY_ID = "id", "case", "plate", "any id"  # ANY_ID: a vocabulary's id_words


@dataclass(frozen=True)
class Shape:
    key: str  # the regular expression's group name
    pattern: str
    what: str
    check: Callable[[str], bool] | None = None  # None: the layout is enough


def _ssn_issued(number: str) -> bool:
    """US SSN ranges: no area 000, 666 or 900-999, no group 00, no serial 0000."""
    area, group, serial = number[:3], number[4:6], number[7:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def _rfc_dated(number: str) -> bool:
    """A personal RFC: four letters, a real date of birth, three characters (python-stdnum)."""
    return bool(_rfc.is_valid(number))


_IN_STATES = "AN|AP|AR|AS|BR|CG|CH|DD|DL|DN|GA|GJ|HP|HR|JH|JK|KA|KL|LA|LD|MH|ML|MN|MP|MZ|NL|OD|OR|PB|PY|RJ|SK|TN|TR|TS|UK|UA|UP|WB"
_MX_STATES = (
    "AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE"
)

ANY_NUMBER = "an ID or card number"  # sixteen digits in fours: a PhilSys number, a card number
SHAPES: tuple[Shape, ...] = (
    # India
    Shape(
        "aadhaar",
        r"[2-9]\d{3} \d{4} \d{4}|[2-9]\d{3}-\d{4}-\d{4}|[2-9]\d{11}",
        "an Aadhaar number",
        cd.aadhaar_valid,
    ),
    Shape("pan", r"[A-Z]{5}\d{4}[A-Z]", "a PAN number"),
    Shape("epic", r"[A-Z]{3}\d{7}", "a voter ID (EPIC) number"),
    Shape("in_passport", r"[A-Z][1-9]\d{6}", "a passport number"),
    Shape(
        "in_vehicle",
        rf"(?:{_IN_STATES})[ \-]?\d{{1,2}}[ \-]?[A-Z]{{1,3}}[ \-]?\d{{4}}|\d{{2}}[ \-]?BH[ \-]?\d{{4}}[ \-]?[A-Z]{{1,2}}",
        "a vehicle registration number",
    ),
    # Mexico
    Shape(
        "curp",
        rf"[A-Z][AEIOUX][A-Z]{{2}}\d{{6}}[HMX](?:{_MX_STATES})[B-DF-HJ-NP-TV-Z]{{3}}[A-Z\d]\d",
        "a CURP number",
        cd.curp_valid,
    ),
    Shape("rfc", r"[A-ZÑ&]{4}\d{6}[A-Z\d]{3}", "an RFC tax number", _rfc_dated),
    Shape("ine", r"[A-Z]{6}\d{8}[HM]\d{3}", "a voter card (INE) number"),
    # Brazil
    Shape("cpf", r"\d{3}\.\d{3}\.\d{3}-\d{2}", "a CPF number", cd.cpf_valid),
    Shape("cnj", r"\d{7}-\d{2}\.\d{4}\.\d\.\d{2}\.\d{4}", "a court case number", cd.cnj_valid),
    Shape("mercosul", r"[A-Z]{3}\d[A-Z]\d{2}", "a licence plate number"),
    # The Philippines
    Shape("philsys", r"\d{4}-\d{4}-\d{4}-\d{4}|\d{4} \d{4} \d{4} \d{4}", ANY_NUMBER),
    Shape("sss", r"\d{2}-\d{7}-\d", "an SSS number"),
    Shape("umid", r"\d{4}-\d{7}-\d", "a UMID number"),
    # Canada, France, the US, the UK
    Shape("sin", r"\d{3}-\d{3}-\d{3}", "a social insurance number", cd.sin_valid),
    Shape(
        "nir",
        r"[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2}",
        "a social security number",
        cd.nir_valid,
    ),
    Shape("fr_plate", r"[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}", "a licence plate number"),
    Shape("ssn", r"\d{3}-\d{2}-\d{4}", "a social security number", _ssn_issued),
    Shape(
        "nino",
        r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]",
        "a National Insurance number",
    ),
)
SHAPE_BY_KEY = {s.key: s for s in SHAPES}
# One pass for every shape; the group that matched says which. Not inside a longer word or number.
SHAPE_PATTERN = re.compile(
    r"(?<![\w/\-])(?<!\w\.)(?:"
    + "|".join(f"(?P<{s.key}>{s.pattern})" for s in SHAPES)
    + r")(?![\w/\-]|[.,]\d)"
)


@dataclass(frozen=True)
class Label:
    text: str  # as it must be written: in capitals when the table has capitals, else in any case
    kind: str  # ID, CASE or PLATE
    what: str


def _labels(kind: str, what: str, texts: str) -> tuple[Label, ...]:
    return tuple(Label(t.strip(), kind, what) for t in texts.split("|") if t.strip())


_CASE = "a police or court case number"
_PASSPORT = "a passport number"
_PLATE = "a licence plate number"

LABELS: tuple[Label, ...] = (
    # case files: police reports, complaints, court and prosecution files
    *_labels(
        CASE,
        _CASE,
        "FIR|F.I.R.|F.I.R|GD|G.D.|GDE|GD entry|G.D. entry|general diary|general diary entry|NCR|N.C.R.",
    ),
    *_labels(
        CASE, _CASE, "case|criminal case|police case|court case|case file|crime|crime number|crime reference"
    ),
    *_labels(
        CASE,
        _CASE,
        "complaint|petition|docket|charge sheet|chargesheet|challan|incident report|police report",
    ),
    *_labels(CASE, _CASE, "blotter|blotter entry|police blotter|entry|kaso|reklamo"),  # fil
    *_labels(CASE, _CASE, "dossier|plainte|procès-verbal|PV|affaire|procédure|main courante|parquet"),  # fr
    *_labels(
        CASE,
        _CASE,
        "expediente|carpeta de investigación|carpeta de investigacion|carpeta|averiguación previa",
    ),
    *_labels(CASE, _CASE, "averiguacion previa|causa penal|causa|denuncia|folio|juicio|amparo|proceso"),  # es
    *_labels(CASE, _CASE, "processo|inquérito|inquerito|boletim de ocorrência|boletim de ocorrencia|boletim"),
    *_labels(CASE, _CASE, "BO|B.O.|ocorrência|ocorrencia|autos|protocolo|termo circunstanciado|TCO"),  # pt
    # identity documents
    *_labels(ID, "an Aadhaar number", "aadhaar|aadhar|UID|UIDAI|aadhaar card|aadhar card"),
    *_labels(ID, "a PAN number", "PAN|PAN card"),
    *_labels(ID, "a voter ID (EPIC) number", "EPIC|voter ID|voter card|voter's ID"),
    *_labels(ID, _PASSPORT, "passport|passeport|pasaporte|passaporte"),
    *_labels(ID, "a CURP number", "CURP"),
    *_labels(ID, "an RFC tax number", "RFC"),
    *_labels(
        ID,
        "a voter card (INE) number",
        "INE|IFE|clave de elector|credencial para votar|credencial de elector",
    ),
    *_labels(ID, "a CPF number", "CPF"),
    *_labels(
        ID, "an identity card (RG) number", "RG|carteira de identidade|registro geral|cédula de identidade"
    ),
    *_labels(ID, "a driving licence (CNH) number", "CNH|carteira de motorista|carteira de habilitação"),
    *_labels(ID, "an ID number", "título de eleitor|NIS|PIS|cartão SUS|CNS|cédula|DNI|carte d'identité|CNI"),
    *_labels(ID, "a PhilSys number", "PhilSys|PSN|PCN|PhilID|national ID|national ID number"),
    *_labels(ID, "an SSS number", "SSS"),
    *_labels(ID, "a tax number", "TIN"),
    *_labels(ID, "a UMID number", "UMID|CRN"),
    *_labels(ID, "a PhilHealth number", "PhilHealth"),
    *_labels(ID, "a social insurance number", "SIN|NAS|social insurance number|numéro d'assurance sociale"),
    *_labels(ID, "a social insurance number", "assurance sociale|assurance-sociale"),
    *_labels(ID, "a social security number", "NIR|sécurité sociale|securite sociale|carte vitale|INSEE"),
    *_labels(ID, "a social security number", "SSN|social security|social security number"),
    *_labels(
        ID, "a National Insurance number", "national insurance|national insurance number|NI number|NINO"
    ),
    *_labels(ID, "an NHS number", "NHS number"),
    *_labels(ID, "a health card number", "health card|OHIP|RAMQ|carte soleil"),
    *_labels(
        ID, "a driving licence number", "driving licence|driver's license|driver's licence|permis de conduire"
    ),
    *_labels(ID, "a driving licence number", "licencia de conducir|licencia|lisensya"),
    # vehicle plates
    *_labels(
        PLATE, _PLATE, "plate|plates|number plate|licence plate|license plate|registration plate|plate number"
    ),
    *_labels(
        PLATE, _PLATE, "vehicle number|registration number|placa|placas|plaque|plaque d'immatriculation"
    ),
    *_labels(
        PLATE, _PLATE, "immatriculation|matrícula|matricula|plaka|plakang|plaka number"
    ),  # "may plakang…"
    *_labels(PLATE, _PLATE, "patente"),  # Argentina, Chile, Uruguay: "la patente del auto: AB 123 CD"
)

# The names of a postal code in the five languages. A code of four to six digits (or a CEP, 01310-100)
# after one of them, right after or a few words on ("the PIN code 700039", "el código postal de su casa,
# 09830"), is a postal code whatever the country. Short labels ("CP", "C.P.") take five digits only.
POSTCODE_LABELS: tuple[str, ...] = (
    "pin", "pin code", "pincode", "postal code", "post code", "postcode", "zip", "zip code", "zipcode",
    "code postal", "codes postaux", "código postal", "codigo postal", "códigos postales", "cep",
    "c.p.", "c. p.", "cp", "código de endereçamento postal",
)  # fmt: skip
SHORT_POSTCODE_LABELS = frozenset({"cp", "c.p.", "c. p."})
