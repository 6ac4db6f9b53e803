"""JUnit XML (Jenkins, GitLab `artifacts:reports:junit`): one test suite per file, one test case
per file × item; a missing or vague item is a failure (its `type` is the status, and the
message starts with the severity), a waived item is skipped with its reason.  Placeholders
and regressions are test cases of their own.  Text is made XML-safe: characters XML 1.0
cannot carry (control characters in an extracted excerpt) become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from clausekit.models import FileResult
from clausekit.report import findings

_INVALID_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(s: str) -> str:
    """Return `s` with every character XML 1.0 forbids replaced by U+FFFD."""
    return _INVALID_XML.sub("\ufffd", s)


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=xml_text(classname), name=xml_text(name), time="0")


def format_junit(results: list[FileResult]) -> str:
    """Return a <testsuites> document for `results`."""
    root = ET.Element("testsuites", name="clausekit")
    total = failed = skipped = 0
    for f in results:
        by_rule = {fd.rule: fd for fd in findings(f) if fd.rule not in ("placeholder", "regression")}
        suite = ET.SubElement(root, "testsuite", name=xml_text(f.path))
        t = fl = sk = 0
        for r in f.items:
            case = _case(suite, f.path, f"{r.item.id} ({r.item.severity})")
            t += 1
            fd = by_rule.get(r.item.id)
            if fd is None:
                continue
            if fd.status == "waived":
                ET.SubElement(case, "skipped", message=xml_text(fd.message))
                sk += 1
                continue
            where = f" (line {fd.line})" if fd.line else ""
            failure = ET.SubElement(case, "failure", type=fd.status,
                                    message=xml_text(f"{fd.level}: {fd.message}{where}"))
            failure.text = xml_text(f"{fd.level} [{fd.severity}] {fd.message}{where}")
            fl += 1
        extra = [fd for fd in findings(f) if fd.rule in ("placeholder", "regression")]
        placeholders = [fd for fd in extra if fd.rule == "placeholder"]
        case = _case(suite, f.path, "placeholders")
        t += 1
        if placeholders:
            failure = ET.SubElement(case, "failure", type="placeholder",
                                    message=xml_text(f"error: {len(placeholders)} placeholder(s) left"))
            failure.text = xml_text("\n".join(f"line {fd.line}: {fd.message}" for fd in placeholders))
            fl += 1
        for fd in extra:
            if fd.rule == "regression":
                case = _case(suite, f.path, f"regression {fd.title}")
                t += 1
                ET.SubElement(case, "failure", type="regression", message=xml_text(f"error: {fd.message}"))
                fl += 1
        suite.set("tests", str(t))
        suite.set("failures", str(fl))
        suite.set("errors", "0")
        suite.set("skipped", str(sk))
        total, failed, skipped = total + t, failed + fl, skipped + sk
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    root.set("skipped", str(skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
