"""Mention linking: find people, countries, places, organisations; link them to the knowledge base."""

from __future__ import annotations

from communique.mentions.linker import Mention, MentionLinker

__all__ = ["MentionLinker", "Mention"]
