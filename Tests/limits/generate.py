"""Inputs at the limits of what a briefing holds (make limits): one Content/ folder per case.

    python3 Tests/limits/generate.py OUT [SCALE]

SCALE 1 (the default) is the issue's size: a 10 MB article, 100,000 lines of actors.yml, Markdown
nested 10,000 levels deep, a line of 1 MB and 50,000 actors. CI runs SCALE 0.1 (the nesting stays
10,000 deep: it is cheap). Deterministic: the same arguments write the same bytes.
"""
import os
import random
import sys

root = sys.argv[1]
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
random.seed(7)
words = "the Kremlin said on Friday that talks with Washington would continue next week after the meeting in Geneva".split()
names = ["Dmitry Peskov", "Sergei Lavrov", "Donald Trump", "Vladimir Putin", "Keith Kellogg"]


def surname(i):
    """A distinct surname of letters only for each number: 0 → "Bako", 1 → "Beko"… (names with
    digits are not names to actor discovery)."""
    syllables = ["ba", "be", "bi", "bo", "da", "de", "di", "do", "ka", "ke", "ki", "ko", "la", "le", "li", "lo",
                 "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "ra", "re", "ri", "ro", "ta", "te", "ti", "to"]
    parts = []
    while True:
        parts.append(syllables[i % 32])
        i //= 32
        if i == 0:
            break
    return ("".join(parts) + "kov").capitalize()


def site(name):
    content = os.path.join(root, name, "Content")
    os.makedirs(os.path.join(content, "articles"), exist_ok=True)
    with open(os.path.join(content, "briefing.yml"), "w") as f:
        f.write("title: Limits\n")
    return content


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# 1. A 10 MB article (tagged format) of realistic paragraphs: people, dates, discovered ministers.
c = site("big-article")
with open(os.path.join(c, "articles", "big.txt"), "w") as f:
    f.write("<TITLE>A very long article</TITLE>\n<PUBLISHED_DATE>2025-01-10</PUBLISHED_DATE>\n<CONTENT>\n")
    size = n = 0
    while size < 10_000_000 * scale:
        p = (f"{random.choice(names)} said on Jan. {random.randint(1, 28)} that "
             + " ".join(random.choice(words) for _ in range(60)) + f". Minister Ivan {surname(n % 500)} agreed.\n\n")
        f.write(p)
        size += len(p)
        n += 1
    f.write("</CONTENT>\n")

# 2. 100k lines in actors.yml (25k entries of four lines), and an article naming two of them.
c = site("big-gazetteer")
entries = int(100_000 * scale) // 4
with open(os.path.join(c, "actors.yml"), "w") as f:
    for i in range(entries):
        f.write(f"- name: Person Number{i} Surname{i}\n  aliases: [Surname{i}]\n  roles: [Official {i}]\n  description: Entry {i}.\n")
write(os.path.join(c, "articles", "a.txt"), "<TITLE>T</TITLE>\n<PUBLISHED_DATE>2025-01-10</PUBLISHED_DATE>\n<CONTENT>\n"
      f"Person Number12 Surname12 met Surname{entries - 1} on Jan. 3.\n</CONTENT>\n")

# 3. Markdown nested 10,000 levels deep (quotes, lists, emphasis, links) in an article, the overview and a note.
c = site("deep-markdown")
depth = 10_000
body = ("> " * depth + "deep quote\n\n" + "- " * depth + "item\n\n" + "*" * depth + "x" + "*" * depth + "\n\n"
        + "[" * depth + "x" + "](https://example.org/)" * depth + "\n\nDmitry Peskov said so.\n")
write(os.path.join(c, "articles", "deep.md"), "---\ntitle: Deep\ndate: 2025-01-10\n---\n" + body)
write(os.path.join(c, "briefing.md"), "---\ntitle: Overview\n---\n" + body)
os.makedirs(os.path.join(c, "notes"), exist_ok=True)
write(os.path.join(c, "notes", "deep.md"), "---\nid: deep\ntarget:\n  article: deep\n---\n" + body)

# 4. A line of 1 MB: a dateline article that is one paragraph (its lead is its title), and a
#    tagged one with a 1,000-character title.
c = site("long-line")
length = int(1_000_000 * scale)
line = " ".join(random.choice(words + names) for _ in range(length // 4))[:length]
write(os.path.join(c, "articles", "line.txt"), " date 2024-11-07 " + line + "\n")
write(os.path.join(c, "articles", "line2.txt"), "<TITLE>" + "T" * 1000 + "</TITLE>\n<PUBLISHED_DATE>2025-01-10</PUBLISHED_DATE>\n"
      "<CONTENT>\n" + line + "\n</CONTENT>\n")

# 5. 50k actors: a gazetteer of half of them, and 100 articles that name all of them.
c = site("many-actors")
people = int(50_000 * scale)
with open(os.path.join(c, "actors.yml"), "w") as f:
    for i in range(people // 2):
        f.write(f"- name: Gazetteer Person{i}\n")
for a in range(100):
    with open(os.path.join(c, "articles", f"a{a:03}.txt"), "w") as f:
        f.write(f"<TITLE>Article {a}</TITLE>\n<PUBLISHED_DATE>2025-01-{a % 28 + 1:02}</PUBLISHED_DATE>\n<CONTENT>\n")
        for k in range(people // 200):
            i = a * (people // 200) + k
            f.write(f"Minister Ivan {surname(i)} said on Friday that Gazetteer Person{i} was right.\n\n")
        f.write("</CONTENT>\n")
