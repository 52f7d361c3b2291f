"""Ingest stage: files, HTML pages and JSONL records in; Articles (or Rejects) out."""

from __future__ import annotations

from eventwire.ingest.dedup import NearDuplicateIndex, article_id
from eventwire.ingest.extract import Extracted, extract_html, extract_pubdate
from eventwire.ingest.sources import document_from_html, document_from_text, iter_documents

__all__ = [
    "Extracted",
    "NearDuplicateIndex",
    "article_id",
    "document_from_html",
    "document_from_text",
    "extract_html",
    "extract_pubdate",
    "iter_documents",
]
