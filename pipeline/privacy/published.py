"""The filter applied to what is published besides note text: tables, configuration, messages, codebooks."""

from __future__ import annotations

from pipeline.privacy.redactor import KINDS, Redactor


def _redact_cell(redactor: Redactor, value, header: str = ""):
    """A table cell of any type without personal data.

    Text is redacted; a number is redacted as it is written (an integral float without its ``.0``),
    read after its column's header (a "beløb" column holds amounts, a "tlf." column phone numbers),
    and becomes the placeholder text when it is personal data (a phone typed into a number column).
    """
    if isinstance(value, str):
        return redactor.redact(value)[0]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return value
    written = str(int(value)) if float(value).is_integer() else str(value)
    context = redactor.redact(f"{header}: ")[0] if header else ""
    redacted = redactor.redact(context + written)[0]
    if redacted == context + written:
        return value
    return redacted.removeprefix(context) if redacted.startswith(context) else redactor.redact(written)[0]


def redact_frame(df, privacy=None):
    """A copy of a table with personal data redacted in every cell of any type and in the headers.

    ``privacy``: a :class:`~pipeline.config.PrivacyConfig`; None means the defaults (redact everything).
    """
    if privacy is not None and not privacy.redact:
        return df
    redactor = Redactor(tuple(privacy.kinds), tuple(privacy.names)) if privacy is not None else Redactor()
    out = df.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        header = str(out.columns[i])
        new = col.map(lambda v, h=header: _redact_cell(redactor, v, h))
        if not new.equals(col):
            out.isetitem(i, new.astype(object) if new.map(type).nunique() > 1 else new)
    out.columns = [
        redactor.redact(c)[0] if isinstance(c, str) else _redact_cell(redactor, c) for c in out.columns
    ]
    return out


def redactor_for(privacy) -> Redactor | None:
    """The :class:`Redactor` of a :class:`~pipeline.config.PrivacyConfig`; None when redaction is off."""
    if privacy is None:
        return Redactor()
    return Redactor(tuple(privacy.kinds), tuple(privacy.names)) if privacy.redact else None


#: The redactor of the configuration read last: terminal messages are redacted with it too.
_SESSION: list[Redactor | None] = [Redactor()]


def redact_config(cfg):
    """``cfg`` with personal data removed from every text of it that can reach an output.

    The seminar's name and municipality and each core area's name, theme, question and aliases
    are redacted (a core area's name is redacted in the notes the same way, so they still match).
    The names list itself stays in the configuration (the redactor needs it) but is never
    written out: see :func:`public_config_dict`.
    """
    from dataclasses import replace

    redactor = redactor_for(cfg.privacy)
    _SESSION[0] = redactor
    if redactor is None:
        return cfg

    def clean(value):
        if isinstance(value, str):
            return redactor.redact(value)[0]
        if isinstance(value, tuple):
            return tuple(clean(v) for v in value)
        return value

    areas = tuple(
        replace(
            a,
            name=clean(a.name),
            theme=clean(a.theme),
            question=clean(a.question),
            aliases=clean(a.aliases),
            committee=clean(a.committee),
        )
        for a in cfg.core_areas
    )
    return replace(cfg, name=clean(cfg.name), municipality=clean(cfg.municipality), core_areas=areas)


def redact_message(text: str) -> str:
    """A message for the terminal, the manifest or a report without personal data.

    The kinds and names of the configuration read last; every kind when none was read.
    """
    redactor = _SESSION[0] or Redactor(KINDS)
    return redactor.redact(text)[0] if isinstance(text, str) else text


def public_config_dict(cfg) -> dict:
    """The configuration as plain data for the published ``seminar.config.toml``.

    The ``[privacy] names`` list is replaced by how many names it has (the names are personal data),
    and every other text (input file, sheet and column names, stop words, committees) is redacted.
    """
    from pipeline.config import config_to_dict

    data = config_to_dict(cfg)
    privacy = data.get("privacy", {})
    names = privacy.pop("names", [])
    privacy["names_not_published"] = len(names)
    redactor = redactor_for(cfg.privacy)
    if redactor is None:
        return data

    def clean(value):  # every text of it: file, sheet and column names, stop words, committees
        if isinstance(value, str):
            return redactor.redact(value)[0]
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return {k: (v if k == "privacy" else clean(v)) for k, v in data.items()}


def redact_codebook(codebook, privacy=None):
    """The analyst's codebook with personal data removed from what it publishes.

    Theme names, memos and core-area names (redacted as in the configuration, so they still match).
    """
    from dataclasses import replace

    redactor = redactor_for(privacy) if privacy is not None else _SESSION[0]
    if codebook is None or redactor is None:
        return codebook

    def clean(value: str) -> str:
        return redactor.redact(value)[0] if isinstance(value, str) else value

    entries = tuple(
        replace(
            e,
            area=clean(e.area),
            name=clean(e.name),
            memo=clean(e.memo),
            split=tuple(replace(p, name=clean(p.name), memo=clean(p.memo)) for p in e.split),
        )
        for e in codebook.entries
    )
    return replace(codebook, entries=entries)
