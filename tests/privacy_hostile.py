"""A hostile corpus of invented Danish notes for the redactor: no real person, every form at once.

``GONE``: (text, what it must become with no names configured). ``KEPT``: figures and words that are not
personal data and must stay exactly as written. A firm's CVR number is kept: it names a company, which
the CVR register publishes itself (a sole trader's CVR is public in that register too).
"""

from __future__ import annotations

GONE = [
    # CPR numbers in every form
    ("Borger med CPR 010190-1234 ringede", "Borger med CPR [CPR] ringede"),
    ("cpr 0101901234 noteret", "cpr [CPR] noteret"),
    ("født 01.01.90-1234", "født [CPR]"),
    ("cpr 01 01 90 1234", "cpr [CPR]"),
    ("cpr: 010190 1234", "cpr: [CPR]"),
    ("010190\u20131234 noteret", "[CPR] noteret"),
    ("Noter_010190-1234.csv", "Noter_[CPR].csv"),
    # phone numbers
    ("ring +45 12 34 56 78", "ring [telefon]"),
    ("ring 0045 12345678", "ring [telefon]"),
    ("nummer 22 34 56 78 på sedlen", "nummer [telefon] på sedlen"),
    ("skriv 2234 5678 ned", "skriv [telefon] ned"),
    ("tlf. 12345678", "tlf. [telefon]"),
    ("mobil: 20 30 40 50", "mobil: [telefon]"),
    ("tlf12345678", "tlf[telefon]"),
    ("(+45) 2234 5678", "[telefon]"),
    # e-mail addresses
    ("mail mette.hansen@hedensted.dk", "mail [e-mail]"),
    ("skriv til navn (at) kommune.dk", "skriv til [e-mail]"),
    ("navn[at]firma.dk", "[e-mail]"),
    ("mette @ kommune.dk", "[e-mail]"),
    ("skriv til mette at kommune dot dk", "skriv til [e-mail]"),
    # names in running text, signatures, file names
    ("Mette fra Hornsyld sagde at", "[navn] fra Hornsyld sagde at"),
    ("borgmester Kasper Glyngø åbnede", "borgmester [navn] åbnede"),
    ("spurgte Hans-Henrik om", "spurgte [navn] om"),
    ("jf. Anne Sofie Jensens oplæg", "jf. [navn] oplæg"),
    ("som borgmester kasper glyngø sagde", "som borgmester [navn] sagde"),
    ("rådmand pia sørensen sagde", "rådmand [navn] sagde"),
    ("spurgte mette om det", "spurgte [navn] om det"),
    ("Ordstyrer: kjeld", "Ordstyrer: [navn]"),
    ("fru jensen og hr.Hansen", "fru [navn] og hr.[navn]"),
    ("formand Birgitte Mortensen", "formand [navn]"),
    ("Deltagere: Mette, Lars, Birgitte og Ove", "Deltagere: [navn], [navn], [navn] og [navn]"),
    ("Henning mente og Gert foreslog", "[navn] mente og [navn] foreslog"),
    ("Tak til Sørensen for oplægget", "Tak til [navn] for oplægget"),
    ("Mvh. Lars", "Mvh. [navn]"),
    ("MVH LARS", "MVH [navn]"),
    ("METTE HANSEN sagde", "[navn] sagde"),
    ("Venlig hilsen\nMette", "Venlig hilsen\n[navn]"),
    ("Mette_Hansen_noter.docx", "[navn]_noter.docx"),
    ("referat-mette-hansen.docx", "referat-[navn].docx"),
    # addresses, accounts and cards
    ("Bor på Nørregade 12, 8722 Hedensted", "Bor på [adresse] Hedensted"),
    ("konto 1234-5678901234", "konto [kontonummer]"),
    ("Reg. 1234 kontonr. 1234567890", "Reg. 1234 kontonr. [kontonummer]"),
    ("kortnummer 4571 1234 5678 9012", "kortnummer [kontonummer]"),
    ("kort 4571123456789012", "kort [kontonummer]"),
    ("kortnr. 4571-1234-5678-9012", "kortnr. [kontonummer]"),
    ("IBAN DK50 0040 0440 1162 43", "IBAN [kontonummer]"),
]

KEPT = [
    "kr. 12.345.678",
    "12 mio. kr.",
    "2.500 borgere",
    "2024-2027",
    "hovedkonto 5.32.32",
    "Hovedkonto 5.32.32.01",
    "budget 2025",
    "tlf.-tid 8-16",
    "CVR 29189943",
    "CVR-nr. 29 18 99 43",
    "8722 Hedensted",
    "25 % og 25 procent",
    "d. 12.3.2024",
    "§ 13, stk. 2",
    "id ec12345678ab",
    "note ec12345678",
    "fil 3f2a12345678",
    "a0101901234b",
    "Forslag 12345678ab",
    "i 2024 og 2025 blev 1.234 borgere",
    "ca. 2.000.000 kr.",
    "20-30 % af borgerne",
    "Lov nr. 1234 af 12.12.2023",
    "Sagsnr. 24/12345",
    "Ældre- og Handicapudvalget",
    "årsnorm 1924 timer",
    "besluttede at borger.dk skal opdateres",
    "en klar line for jan. 2025",
    "Hans mor sagde ja",
    "EAN 5798000012345",
]
