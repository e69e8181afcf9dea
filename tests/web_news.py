"""Feeds and article pages built in code, for the local web server (tests/web_server.py)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Item:
    title: str
    link: str
    published: str = "Thu, 10 Mar 2011 14:00:00 GMT"  # RFC 822, as RSS writes it
    summary: str = ""
    guid: str = ""


def rss20(items: list[Item], title: str = "The Daily: World") -> str:
    body = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        f"<guid>{escape(i.guid or i.link)}</guid><pubDate>{i.published}</pubDate>"
        f"<description>{escape(i.summary)}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example.com/</link>{body}"
        "</channel></rss>"
    )


def rss091(items: list[Item], title: str = "The Daily") -> str:
    body = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        f"<description>{escape(i.summary)}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0"?>\n<rss version="0.91"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example.com/</link>"
        f"<description>news</description><language>en</language>{body}</channel></rss>"
    )


def rss10(items: list[Item], title: str = "The Daily") -> str:
    body = "".join(
        f'<item rdf:about="{escape(i.link)}"><title>{escape(i.title)}</title>'
        f"<link>{escape(i.link)}</link><dc:date>2011-03-10T14:00:00Z</dc:date>"
        f"<description>{escape(i.summary)}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="https://news.example.com/"><title>{escape(title)}</title>'
        f"<link>https://news.example.com/</link><description>news</description></channel>"
        f"{body}</rdf:RDF>"
    )


def atom(items: list[Item], title: str = "The Daily") -> str:
    body = "".join(
        f'<entry><title>{escape(i.title)}</title><link href="{escape(i.link)}"/>'
        f"<id>{escape(i.guid or i.link)}</id><updated>2011-03-10T14:00:00Z</updated>"
        f"<summary>{escape(i.summary)}</summary></entry>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:example:daily</id>"
        f"<updated>2011-03-10T14:00:00Z</updated>{body}</feed>"
    )


def article_page(
    title: str,
    paragraphs: list[str],
    canonical: str = "",
    published: str = "2011-03-10T14:00:00Z",
    site: str = "The Daily",
    author: str = "Jane Roe",
) -> str:
    meta = [f'<meta property="og:site_name" content="{escape(site)}">']
    if canonical:
        meta.append(f'<link rel="canonical" href="{escape(canonical)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if author:
        meta.append(f'<meta name="author" content="{escape(author)}">')
    text = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"{''.join(meta)}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{text}</article>"
        "<footer>Copyright The Daily. All rights reserved.</footer></body></html>"
    )


RAS_LANUF = [
    "Rebels and forces loyal to the government fought on Thursday for control of the oil "
    "port of Ras Lanuf, witnesses said, as the fighting moved west along the coast.",
    "In Benghazi, the rebels' council said it would send more fighters to the front, while "
    "European Union ministers meeting in Brussels discussed sanctions.",
]
ZAWIYA = [
    "Government tanks shelled Zawiya on Wednesday, residents said, the third day of attacks "
    "on the town west of Tripoli.",
    "Aid groups in Tunisia said thousands more people had crossed the border at Ras Jdir.",
]
