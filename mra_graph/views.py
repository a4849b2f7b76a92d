"""Views: what counts as recognition. The one home of their names and meanings.

``implemented`` (default)
    arrangements in force: a party counts from its ``effective`` date;
``signed``
    also arrangements signed or piloted, not yet in force: a party counts from
    its ``signed`` date (or ``effective`` where no signing date is known);
``pipeline``
    also arrangements under negotiation.

This module imports nothing heavy, so the command line can offer the choices
without loading pandas or networkx.
"""
from __future__ import annotations

VIEWS = ("implemented", "signed", "pipeline")
DEFAULT_VIEW = "implemented"

#: Short meaning of each view, for titles and captions.
MEANING = {
    "implemented": "arrangements in force",
    "signed": "also signed, not yet in force",
    "pipeline": "also under negotiation",
}
#: Statuses a party's row may have to count in each view.
STATUSES_IN_VIEW = {
    "implemented": ("implemented", "suspended", "terminated"),
    "signed": ("implemented", "suspended", "terminated", "signed", "pilot"),
    "pipeline": ("implemented", "suspended", "terminated", "signed", "pilot", "negotiating"),
}
#: The verb a sentence uses for recognition in each view ("have signed" in the signed view).
VERB = {"implemented": "recognise", "signed": "have signed with", "pipeline": "have signed or negotiate with"}
HELP = ("implemented: in force; signed: also signed, not yet in force; pipeline: also under negotiation.")
