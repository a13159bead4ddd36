"""Personal data out of the notes before anything else sees them.

Pure ``str -> str`` redaction of the personal data that Danish seminar notes sometimes hold. Every
text is first brought to one normalised form (:func:`normalise_text`: NFC, no soft hyphens, zero-width
or control characters) and matched in a folded copy (:func:`fold_for_matching`: look-alike letters of
other scripts, digits of other scripts, dashes and spaces folded), so nothing invisible hides a match.

* CPR numbers in every written form: ``DDMMÅÅ-LLLL``, ``DDMMÅÅLLLL``, with a space, dot, slash or
  dash (with spaces around it or not: ``150585 -1234``) before the serial number, the date written
  with separators (``12.03.79-1233``, ``12 03 79 1233``), two joined by a slash. The digits count as
  a CPR number only when their first six digits are a real date once the century is taken from the
  seventh digit (the CPR-kontoret rule below). The modulus-11 check is *not* used: CPR numbers issued
  since 1 October 2007 need not satisfy it. A written date of this century with a clock time
  (``mødet 12.03.25 1430``) is a date unless the text names a CPR number.
* e-mail addresses, also written ``navn (at) kommune.dk``;
* Danish phone numbers by context first, then by shape: after ``tlf.``, ``mobil``, ``ring``, ``+45``
  (also ``45 23 45 67 89``) any Danish grouping of eight digits is a phone number (``2045 2078``,
  ``20231105``, ``20 452 078``); after ``CVR-nr.``, ``SE-nr.``, ``konto``, ``sag``, ``post…``, ``§``, a
  budget word (``rammen er 45000000``) or before ``kr.``, ``%``, ``mio.`` it is kept. Without context
  the shape decides: pairs, fours, 3-2-3 and 4-2-2 (``7012 12 12``) are phone numbers; two years,
  ranges (``8700-8781``, ``1000-2000``), dates (``20240101``) and thousands groups (``12.345.678``)
  are not. Digits glued to a letter (``ec12345678ab``, an id in an output) are no phone number
  unless a phone word is glued to them (``tlf12345678``); ten digits inside a hexadecimal id
  (``a0101901234b``) are no CPR number. A firm's CVR, SE or P number is kept: it names a company,
  and the CVR register publishes it;
* names from a list in the configuration (``[privacy] names``), whole or in parts (first name,
  surname, either half of a double surname), in any letter case, in the genitive, and as the first
  part of a compound (``Vestergaard-modellen``). A listed name that is also a Danish word (``Per``,
  ``Bo``, ``Storm``) is taken only where it reads as a name: capitalised inside a sentence, followed
  by a surname or a verb of saying (``udgiften per borger`` stays);
* names no list holds: a common Danish given name (``pipeline/danish/data/given_names.txt``) written
  with a capital letter, with the capitalised surnames after it (``Kristian Thulesen Dahl``,
  ``Borgmester Hanne Jensen`` → ``Borgmester [navn]``); a given name that is also a word (``Hans``,
  ``Mark``) by the same reading as a listed one. A surname alone is found after a title (``fru
  Jensen``, ``hr.Hansen``) or by its form inside a sentence (a given name and "-sen", "-søn",
  "-gaard": ``Tak til Sørensen``, ``Mødet med Vestergaard``); any other ("Dahl mente") only when
  listed: list the participants' names in ``[privacy] names``;
* names written in lower case or in capitals (:mod:`pipeline.privacy.case_names`): a given name
  that is no Danish word after a title or role (``borgmester kasper glyngø``, ``Referent: kjeld``)
  or next to a verb of saying (``spurgte mette``), and in capitals (``MVH LARS``); an underscore
  reads as a space (``Mette_Hansen_noter.docx``);
* street addresses with a house number, bank account numbers and payment card numbers
  (:mod:`pipeline.privacy.addresses`).

The same filter is applied to every text that can reach an output, not only note text: the
configuration's own texts (:func:`redact_config`), input file names and sheet names, messages
(:func:`redact_message`), every cell and header of a ``seminar topics`` table (:func:`redact_frame`);
the published configuration holds the number of listed names, never the names
(:func:`public_config_dict`). Examples of what is redacted and kept: ``docs/bad-input.md``.

Each match is replaced by a placeholder (``[CPR]``, ``[e-mail]``, ``[telefon]``, ``[navn]``, ``[adresse]``,
``[kontonummer]``);
the caller gets the number of matches per kind, never the matched text. The redacted text is read
again until nothing more is found, so redacting twice changes nothing. ``bench/privacy_scan.py`` runs
the filter over every output of a run.
"""

from __future__ import annotations

from pipeline.privacy.forms import cpr_birth_date, is_cpr
from pipeline.privacy.published import (
    public_config_dict,
    redact_codebook,
    redact_config,
    redact_frame,
    redact_message,
    redactor_for,
)
from pipeline.privacy.redactor import KINDS, PLACEHOLDERS, Redactor, describe_counts, redact
from pipeline.privacy.text import fold_for_matching, normalise_text

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "Redactor",
    "cpr_birth_date",
    "describe_counts",
    "fold_for_matching",
    "is_cpr",
    "normalise_text",
    "public_config_dict",
    "redact",
    "redact_codebook",
    "redact_config",
    "redact_frame",
    "redact_message",
    "redactor_for",
]

#: Kinds of personal data, in the order they are looked for.
