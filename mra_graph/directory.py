"""Names, codes and blocs of a dataset's administrations: the lookups every command needs.

:class:`Directory` is a mix-in of :class:`~mra_graph.network.MRANetwork` (it reads
``self._dataset``), kept apart so that the network module holds only the dated graph.
A code can be given in any case, by its name, or by a common name listed in the
``aliases`` column of ``administrations.csv`` ("Vietnam", "Korea", "Hong Kong").
"""
from __future__ import annotations

import difflib
from functools import cached_property

from ._tables import split_list
from .errors import UnknownCodeError


class Directory:
    """Lookups over the administrations table (see the module documentation)."""

    @cached_property
    def _names(self) -> dict[str, str]:
        table = self._dataset.administrations
        return dict(zip(table["code"], table["name"]))

    def name_of(self, code: str) -> str:
        """The administration's name, e.g. ``name_of("TW") == "Chinese Taipei"``."""
        return self._names.get(code, code)

    @cached_property
    def _by_name(self) -> dict[str, str]:
        table = self._dataset.administrations
        names = {name.casefold(): code for code, name in zip(table["code"], table["name"])}
        for code, aliases in zip(table["code"], table.get("aliases", [""] * len(table))):
            names.update({alias.casefold(): code for alias in split_list(aliases)})
        return names

    def check_code(self, code: str) -> str:
        """Return the known administration code for ``code`` (case-insensitive, or a name).

        Raises
        ------
        UnknownCodeError
            With the closest known codes as suggestions.
        """
        if not isinstance(code, str):
            raise UnknownCodeError("administration code", str(code), [])
        wanted = code.strip()
        if wanted.upper() in self._names:
            return wanted.upper()
        by_name = self._by_name
        if wanted.casefold() in by_name:
            return by_name[wanted.casefold()]
        suggestions = difflib.get_close_matches(wanted.upper(), list(self._names), n=3, cutoff=0.5)
        suggestions += [by_name[n] for n in difflib.get_close_matches(wanted.casefold(), list(by_name), n=3)]
        raise UnknownCodeError("administration code", wanted, list(dict.fromkeys(suggestions)))

    @cached_property
    def blocs(self) -> dict[str, list[str]]:
        """Bloc name -> sorted member codes, from the ``blocs`` column of administrations."""
        blocs: dict[str, list[str]] = {}
        for code, cell in zip(self._dataset.administrations["code"], self._dataset.administrations["blocs"]):
            for bloc in split_list(cell):
                blocs.setdefault(bloc, []).append(code)
        return {bloc: sorted(members) for bloc, members in sorted(blocs.items())}

    def bloc_name(self, bloc: str) -> str:
        """The bloc's name as the data spells it, from any capitalisation ("asean" -> "ASEAN").

        Raises
        ------
        UnknownCodeError
            With the closest bloc names as suggestions.
        """
        by_upper = {name.upper(): name for name in self.blocs}
        if isinstance(bloc, str) and bloc.strip().upper() in by_upper:
            return by_upper[bloc.strip().upper()]
        bloc = str(bloc)
        suggestions = difflib.get_close_matches(bloc.upper(), list(by_upper), n=3, cutoff=0.4)
        raise UnknownCodeError("bloc", bloc, [by_upper[s] for s in suggestions], known=list(self.blocs))

    def bloc_members(self, bloc: str) -> list[str]:
        """Member codes of a bloc (any capitalisation), e.g. the ten ASEAN Member States."""
        return list(self.blocs[self.bloc_name(bloc)])

    @cached_property
    def programme_holders(self) -> list[str]:
        """Codes of administrations with an AEO programme: the default universe for shares."""
        table = self._dataset.administrations
        return sorted(table.loc[table["programme"] != "", "code"])
