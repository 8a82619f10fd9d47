#!/usr/bin/env python3
"""gen_offences.py — turn the 治安 offence table into C data.

Reads the markdown tables of §2 of offences.md (rows starting "| OF-") and
writes src/rules/offences_data.c: one struct offence per id with its tiers,
each tier with the ZA2012 and ZA2025 shape (see src/rules/offence.h).

    python3 scripts/gen_offences.py [path/to/offences.md] [-o out.c]

Defaults: ../shared/rules/offences.md relative to the repository root, and
src/rules/offences_data.c. Any row it cannot parse, and any row whose shape
contradicts the column rules of the file header, stops the script with the
line number and a non-zero exit; nothing is written then.
"""
import argparse
import hashlib
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MD = os.path.join(REPO, "..", "shared", "rules", "offences.md")
DEFAULT_OUT = os.path.join(REPO, "src", "rules", "offences_data.c")

HEADER = ["ID", "状态", "行为", "档次",
          "ZA2012 条款", "警告", "罚款 元", "拘留 日", "组合",
          "ZA2025 条款", "警告", "罚款 元", "拘留 日", "组合", "注"]
STATUSES = ("新增", "删除", "变更", "未变")
COMB = {"或": "COMB_OR", "可以并处": "COMB_MAY_ADD", "并处": "COMB_MUST_ADD",
        "单处": "COMB_SINGLE", "不罚": "COMB_NONE"}
DASH = "—"
ABSENT_OFFENCE = "（无）"
ABSENT_TIER = "无此档"
# ADM-DET-MAX: one act is never more than 15 days (ZA2025 Art 16; legal-rules §1).
DET_MAX = 15

# ADM-ONSPOT (ZA2025 Art 119-120; ZA2012 Art 100-101; XZCX Art 37; legal-rules
# §1): 当场处罚 is not allowed in 卖淫、嫖娼、赌博、毒品 cases. The table has no
# column for it, so the ids are listed here, each with the reason.
ONSPOT_EXCLUDED = {
    "OF-109": "卖淫、嫖娼",
    "OF-110": "拉客招嫖（卖淫嫖娼案件）",
    "OF-111": "引诱、容留、介绍卖淫",
    "OF-114": "赌博",
    "OF-115": "毒品原植物、罂粟壳",
    "OF-116": "非法持有毒品",
    "OF-117": "向他人提供毒品",
    "OF-118": "吸食、注射毒品",
    "OF-119": "骗开麻醉药品、精神药品（禁毒条款）",
    "OF-120": "聚众、组织吸毒",
    "OF-121": "吸毒人员违反禁入、禁止接触规定",
    "OF-122": "教唆、引诱、欺骗吸毒",
    "OF-123": "容留吸毒、介绍买卖毒品",
    "OF-124": "制毒原料、配剂",
    "OF-125": "查处吸毒、赌博、卖淫、嫖娼时通风报信（涉及上述案件）",
}

RANGE_RE = re.compile(r"^\[(\d+),(\d+)\]$")
# The one special fine form (OF-006, ZA2025 Art 27).
MULT_RE = re.compile(r"^违法所得(\d+)–(\d+)倍；无违法所得或不足(\d+)元：\[(\d+),(\d+)\]$")
ID_RE = re.compile(r"^OF-(\d{3})$")
COUNT_RE = re.compile(r"Offence IDs: \*\*(\d+)\*\*")
# §1: "**104** offences in ZA2012 and **126** in ZA2025"
LAWCOUNT_RE = re.compile(r"\*\*(\d+)\*\* offences in ZA2012 and \*\*(\d+)\*\* in ZA2025")
# §1: "Status of the 129 offences in the law: 变更 94, 新增 25, 删除 3, 未变 7."
STATUS_RE = re.compile(r"Status of the (\d+) offences in the law: (.*)\.")


class ParseError(Exception):
    def __init__(self, line, msg):
        super().__init__(msg)
        self.line = line
        self.msg = msg


def cells(line):
    s = line.strip()
    if not (s.startswith("|") and s.endswith("|")):
        return None
    return [c.strip() for c in s[1:-1].split("|")]


def parse_range(text, what, ln, lo_min=0, hi_max=None):
    if text == DASH:
        return (-1, -1)
    m = RANGE_RE.match(text)
    if not m:
        raise ParseError(ln, f"{what}: cannot parse {text!r}")
    lo, hi = int(m.group(1)), int(m.group(2))
    if lo < lo_min or hi < 1 or lo > hi:
        raise ParseError(ln, f"{what}: bad range {text!r}")
    if hi_max is not None and hi > hi_max:
        raise ParseError(ln, f"{what}: {text!r} exceeds {hi_max} (ADM-DET-MAX)")
    return (lo, hi)


def parse_law(c, ver, ln):
    """c = [条款, 警告, 罚款, 拘留, 组合] of one version."""
    art, warn, fine, det, comb = c
    law = {"article": None, "warning": 0, "fine": (-1, -1), "det": (-1, -1),
           "comb": "COMB_ABSENT", "mult": None, "fine_text": None,
           "absent": None}
    if art in (ABSENT_OFFENCE, ABSENT_TIER):
        if (warn, fine, det, comb) != (DASH, DASH, DASH, DASH):
            raise ParseError(ln, f"{ver}: {art} but penalties given")
        law["absent"] = "offence" if art == ABSENT_OFFENCE else "tier"
        return law
    if not art or art == DASH:
        raise ParseError(ln, f"{ver}: empty article")
    law["article"] = art
    if warn not in ("Y", DASH):
        raise ParseError(ln, f"{ver}: 警告 must be Y or —, got {warn!r}")
    law["warning"] = 1 if warn == "Y" else 0
    m = MULT_RE.match(fine)
    if m:
        a, b, below, lo, hi = (int(x) for x in m.groups())
        if not (1 <= a <= b and lo <= hi):
            raise ParseError(ln, f"{ver}: bad multiple fine {fine!r}")
        law["mult"] = (a, b, below)
        law["fine_text"] = fine
        law["fine"] = (lo, hi)
    else:
        law["fine"] = parse_range(fine, f"{ver} 罚款", ln)
    law["det"] = parse_range(det, f"{ver} 拘留", ln, hi_max=DET_MAX)
    if comb not in COMB:
        raise ParseError(ln, f"{ver}: unknown 组合 {comb!r}")
    law["comb"] = COMB[comb]
    check_shape(law, ver, ln)
    return law


def check_shape(law, ver, ln):
    """The column rules of the file header, checked per row."""
    kinds = law["warning"] + (law["fine"][1] > 0) + (law["det"][1] > 0)
    comb = law["comb"]
    if comb == "COMB_NONE" and kinds != 0:
        raise ParseError(ln, f"{ver}: 不罚 with penalties")
    if comb == "COMB_OR" and kinds < 2:
        raise ParseError(ln, f"{ver}: 或 needs two kinds")
    if comb == "COMB_SINGLE" and kinds != 1:
        raise ParseError(ln, f"{ver}: 单处 needs exactly one kind")
    if comb in ("COMB_MAY_ADD", "COMB_MUST_ADD"):
        if law["warning"] or law["fine"][1] <= 0 or law["det"][1] <= 0:
            raise ParseError(ln, f"{ver}: 并处 needs a fine and a detention only")
    if law["mult"] and comb != "COMB_SINGLE":
        raise ParseError(ln, f"{ver}: multiple fine only in a 单处 row")


def parse(md_path):
    with open(md_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    expect_count = None
    expect = {}
    offences = []
    in_section2 = False
    header_ok = False
    for i, line in enumerate(lines, 1):
        if line.startswith("## "):
            in_section2 = line.startswith("## 2.")
            header_ok = False
            continue
        m = COUNT_RE.search(line)
        if m and expect_count is None:
            expect_count = int(m.group(1))
        m = LAWCOUNT_RE.search(line)
        if m:
            expect["per_version"] = (int(m.group(1)), int(m.group(2)), i)
        m = STATUS_RE.search(line)
        if m:
            st = {}
            for part in m.group(2).split(","):
                k, _, n = part.strip().partition(" ")
                st[k] = int(n)
            expect["status"] = (int(m.group(1)), st, i)
        if not in_section2:
            if line.lstrip().startswith("| OF-"):
                raise ParseError(i, "offence row outside §2")
            continue
        c = cells(line)
        if c is None:
            continue
        if c and c[0] == "ID":
            if c != HEADER:
                raise ParseError(i, f"unexpected table header {c}")
            header_ok = True
            continue
        if all(re.fullmatch(r"-+", x) for x in c):
            continue
        if not header_ok:
            raise ParseError(i, "table row before the header")
        if len(c) != len(HEADER):
            raise ParseError(i, f"{len(c)} columns, expected {len(HEADER)}")
        code, status, name, tier = c[0], c[1], c[2], c[3]
        first = bool(status or name)
        if not code and first:
            raise ParseError(i, "status/行为 without an ID")
        if first:
            m = ID_RE.match(code)
            if not m:
                raise ParseError(i, f"bad ID {code!r}")
            n = int(m.group(1))
            if n != len(offences) + 1:
                raise ParseError(i, f"ID {code} out of sequence")
            if status not in STATUSES:
                raise ParseError(i, f"bad 状态 {status!r}")
            if not name:
                raise ParseError(i, "empty 行为")
            offences.append({"code": code, "status": status, "name": name,
                             "note": c[14] or None, "line": i, "tiers": []})
        else:
            if not offences:
                raise ParseError(i, "continuation row before any offence")
            if code and code != offences[-1]["code"]:
                raise ParseError(i, f"continuation row {code} under "
                                    f"{offences[-1]['code']}")
        off = offences[-1]
        if not tier:
            raise ParseError(i, "empty 档次")
        if any(t["tier"] == tier for t in off["tiers"]):
            raise ParseError(i, f"duplicate tier {tier!r}")
        off["tiers"].append({
            "tier": tier, "line": i,
            "note": None if first else (c[14] or None),
            "law": [parse_law(c[4:9], "ZA2012", i), parse_law(c[9:14], "ZA2025", i)],
        })
    check_all(offences, expect_count)
    check_counts(offences, expect)
    return offences


def same_numbers(a, b):
    keys = ("warning", "fine", "det", "comb", "mult")
    return all(a[k] == b[k] for k in keys)


def check_all(offences, expect_count):
    if expect_count is None:
        raise ParseError(0, "no 'Offence IDs: **N**' count in §1")
    if len(offences) != expect_count:
        raise ParseError(0, f"{len(offences)} offences, §1 says {expect_count}")
    for o in offences:
        ln = o["line"]
        for v, ver in ((0, "ZA2012"), (1, "ZA2025")):
            laws = [t["law"][v] for t in o["tiers"]]
            off_abs = [law["absent"] == "offence" for law in laws]
            if any(off_abs) and not all(off_abs):
                raise ParseError(ln, f"{o['code']} {ver}: （无） in some tiers only")
            if all(law["absent"] == "tier" for law in laws):
                raise ParseError(ln, f"{o['code']} {ver}: 无此档 in every tier")
        absent = [all(t["law"][v]["absent"] == "offence" for t in o["tiers"])
                  for v in (0, 1)]
        st = o["status"]
        if (st == "新增") != (absent[0] and not absent[1]):
            raise ParseError(ln, f"{o['code']}: 新增 must mean only in ZA2025")
        if (st == "删除") != (absent[1] and not absent[0]):
            raise ParseError(ln, f"{o['code']}: 删除 must mean only in ZA2012")
        if absent[0] and absent[1]:
            raise ParseError(ln, f"{o['code']}: in neither version")
        if st in ("未变", "变更"):
            same = all(same_numbers(t["law"][0], t["law"][1]) and
                       t["law"][0]["absent"] == t["law"][1]["absent"]
                       for t in o["tiers"])
            if st == "未变" and not same:
                raise ParseError(ln, f"{o['code']}: 未变 but numbers differ")
            if st == "变更" and same:
                raise ParseError(ln, f"{o['code']}: 变更 but numbers are equal")
    codes = {o["code"] for o in offences}
    for code in ONSPOT_EXCLUDED:
        if code not in codes:
            raise ParseError(0, f"ONSPOT_EXCLUDED names unknown {code}")


def in_law(o):
    """0 for an offence outside the 治安管理处罚法 (article "SFZ …", OF-083)."""
    arts = [t["law"][v]["article"] for t in o["tiers"] for v in (0, 1)]
    return any(a and a[0].isdigit() for a in arts)


def check_counts(offences, expect):
    """The totals that §1 states must match the rows."""
    if "per_version" not in expect or "status" not in expect:
        raise ParseError(0, "§1 counts (per version, per status) not found")
    n12, n25, ln = expect["per_version"]
    law = [o for o in offences if in_law(o)]
    got = [sum(1 for o in law if not all(t["law"][v]["absent"] == "offence"
                                         for t in o["tiers"])) for v in (0, 1)]
    if got != [n12, n25]:
        raise ParseError(ln, f"offences per version {got}, §1 says {[n12, n25]}")
    total, st, ln = expect["status"]
    if len(law) != total:
        raise ParseError(ln, f"{len(law)} offences in the law, §1 says {total}")
    for k in STATUSES:
        n = sum(1 for o in law if o["status"] == k)
        if n != st.get(k, 0):
            raise ParseError(ln, f"{n} rows {k}, §1 says {st.get(k, 0)}")


def cstr(s):
    if s is None:
        return "NULL"
    s = s.replace("**", "")  # markdown bold, not part of the text
    out = s.replace("\\", "\\\\").replace('"', '\\"')
    if "\n" in out or "\r" in out:
        raise ValueError("newline in cell")
    return '"' + out + '"'


def emit_law(law, ver):
    lo, hi = law["fine"]
    dlo, dhi = law["det"]
    a, b, below = law["mult"] or (0, 0, 0)
    return (f"\t\t\t/* {ver} */ {{ {cstr(law['article'])}, {law['warning']}, "
            f"{lo}, {hi}, {dlo}, {dhi}, {law['comb']}, "
            f"{1 if law['mult'] else 0}, {a}, {b}, {below}, {cstr(law['fine_text'])} }},\n")


def emit(offences, md_path, out_path):
    with open(md_path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    ntiers = sum(len(o["tiers"]) for o in offences)
    w = []
    w.append("/* offences_data.c — GENERATED by scripts/gen_offences.py from\n"
             " * shared/rules/offences.md §2 (sha256 " + digest[:16] + "…).\n"
             " * Do not edit: change offences.md and rerun the script.\n"
             f" * {len(offences)} offences, {ntiers} tiers. Each tier comment gives its\n"
             " * line in offences.md; the article columns are the citation.\n"
             " * Field order of struct offence_law: article, warning, fine_min,\n"
             " * fine_max, det_min, det_max, comb, fine_multiple, mult_lo, mult_hi,\n"
             " * mult_below, fine_text. */\n")
    w.append('#include "rules/offence.h"\n\n')
    for o in offences:
        ident = "tiers_" + o["code"][3:]
        w.append(f"static const struct offence_tier {ident}[] = {{\n")
        for t in o["tiers"]:
            w.append(f"\t/* offences.md:{t['line']} */\n")
            w.append(f"\t{{ {cstr(t['tier'])}, {cstr(t['note'])},\n\t\t{{\n")
            w.append(emit_law(t["law"][0], "ZA2012"))
            w.append(emit_law(t["law"][1], "ZA2025"))
            w.append("\t\t} },\n")
        w.append("};\n\n")
    w.append("const struct offence offence_table[] = {\n")
    for o in offences:
        ident = "tiers_" + o["code"][3:]
        ex = ONSPOT_EXCLUDED.get(o["code"])
        w.append(f"\t/* offences.md:{o['line']}"
                 + (f"; ADM-ONSPOT excluded: {ex}" if ex else "") + " */\n")
        w.append(f"\t{{ {cstr(o['code'])}, {cstr(o['status'])},\n"
                 f"\t  {cstr(o['name'])},\n"
                 f"\t  {cstr(o['note'])},\n"
                 f"\t  {1 if ex else 0}, {len(o['tiers'])}, {ident} }},\n")
    w.append("};\n\n")
    w.append("const size_t offence_table_len = sizeof(offence_table) / sizeof(offence_table[0]);\n")
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("".join(w))
    os.replace(tmp, out_path)
    return ntiers


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("md", nargs="?", default=DEFAULT_MD)
    ap.add_argument("-o", "--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    try:
        offences = parse(args.md)
    except ParseError as e:
        print(f"gen_offences: {args.md}:{e.line}: {e.msg}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"gen_offences: {e}", file=sys.stderr)
        return 1
    ntiers = emit(offences, args.md, args.out)
    print(f"gen_offences: {len(offences)} offences, {ntiers} tiers -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
