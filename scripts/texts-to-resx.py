#!/usr/bin/env python3
"""Writes Text.resx (zh-CN, the default) and Text.en.resx from texts.tsv: key, Chinese, English.

Edit texts.tsv, then run this; the .resx files are generated and committed so the build needs only dotnet.
"""
import pathlib
from xml.sax.saxutils import escape

folder = pathlib.Path(__file__).resolve().parent.parent / "src/CivicGrid.Web/Infrastructure/Localization"
rows = [line.split("\t") for line in (folder / "texts.tsv").read_text(encoding="utf-8").splitlines() if line.strip()]
keys = [r[0] for r in rows]
assert all(len(r) == 3 for r in rows), [r for r in rows if len(r) != 3]
assert len(keys) == len(set(keys)), "duplicate keys"

header = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
for suffix, column in (("", 1), (".en", 2)):
    body = "".join(f'  <data name="{escape(r[0])}" xml:space="preserve"><value>{escape(r[column])}</value></data>\n' for r in rows)
    (folder / f"Text{suffix}.resx").write_text(header + body + "</root>\n", encoding="utf-8")
