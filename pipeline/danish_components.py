"""spaCy components of the bundled Danish pipeline (registered on import)."""

from __future__ import annotations

from spacy.language import Language


@Language.component("simplemma_lemmatizer")
def simplemma_lemmatizer(doc):
    """Lemmatise with simplemma's Danish lexicon (offline, no tagger needed)."""
    import simplemma

    for token in doc:
        if token.is_alpha:
            token.lemma_ = simplemma.lemmatize(token.lower_, lang="da")
        else:
            token.lemma_ = token.lower_
    return doc
