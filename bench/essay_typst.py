"""The sample essay's Typst twin, for the bench: pandoc's reading of it (its citations resolved by
--citeproc, as in the pandoc rows) written as Typst markup under generate_book.py's page setup.

pandoc 2.17 has no Typst writer; this walks its JSON for the elements the essay uses and fails on
any other, so that the twin never silently loses text.
"""
import json
import subprocess

from generate_book import typst_escape, typst_preamble


def inlines(xs):
    out = []
    for x in xs:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(typst_escape(c))
        elif t in ("Space", "SoftBreak"):
            out.append(" ")
        elif t == "LineBreak":
            out.append("\\\n")
        elif t == "Emph":
            out.append("#emph[%s]" % inlines(c))
        elif t == "Strong":
            out.append("#strong[%s]" % inlines(c))
        elif t == "Quoted":
            quotes = ("“", "”") if c[0]["t"] == "DoubleQuote" else ("‘", "’")
            out.append(quotes[0] + inlines(c[1]) + quotes[1])
        elif t == "Span":
            out.append(inlines(c[1]))
        elif t == "Cite":
            out.append(inlines(c[1]))  # as citeproc rendered it
        elif t == "Link":
            out.append('#link("%s")[%s]' % (c[2][0].replace("\\", "\\\\").replace('"', '\\"'), inlines(c[1])))
        elif t == "Note":
            out.append("#footnote[%s]" % "\n\n".join(blocks(c)))
        else:
            raise ValueError("essay_typst: no Typst for the inline " + t)
    return "".join(out)


def blocks(bs):
    out = []
    for b in bs:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            out.append(inlines(c))
        elif t == "Header":
            out.append("=" * c[0] + " " + inlines(c[2]))
        elif t == "Div":
            out += blocks(c[1])
        elif t == "BlockQuote":
            out.append("#quote(block: true)[%s]" % "\n\n".join(blocks(c)))
        else:
            raise ValueError("essay_typst: no Typst for the block " + t)
    return out


def plain(meta):
    """A metadata value's text: "WeChat Is Watching"."""
    if meta is None:
        return ""
    if meta["t"] in ("MetaInlines", "MetaString"):
        return "".join(x["c"] if x["t"] == "Str" else " " for x in meta["c"]) if meta["t"] == "MetaInlines" else meta["c"]
    if meta["t"] == "MetaList":
        return ", ".join(plain(m) for m in meta["c"])
    return ""


def essay_typst(folder, chapter_files, pandoc_args):
    """The Typst source of the manuscript in `folder`, read by pandoc with `pandoc_args`: its title
    as a heading, then its text and references."""
    doc = json.loads(subprocess.run(["pandoc", "--metadata-file", "book.yaml", "-t", "json"] + pandoc_args + chapter_files,
                                    cwd=folder, check=True, stdout=subprocess.PIPE).stdout)
    meta = doc["meta"]
    title = plain(meta.get("title"))
    lines = typst_preamble(title, plain(meta.get("author")), plain(meta.get("lang")) or "en")
    return "\n".join(lines + ["= " + typst_escape(title), "", "\n\n".join(blocks(doc["blocks"])), ""])
