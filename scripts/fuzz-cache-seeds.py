#!/usr/bin/env python3
# Writes the seeds of the cache fuzz targets from a real cache folder: for build-cache
# (Fuzz/Corpus/build-cache/), the build cache cut small (libFuzzer reads at most 8,192 bytes of an
# input): a few page entries (with their frames, one with links to ids), a data file with a few
# parts, a few checked files, the related articles; for article-memo, the payload of each article memo shard that fits;
# for naming-table, the memo's names.cache; for unchanged-record, the record of a build with nothing to do.
#   briefing build --content Tests/Fixtures/site/Content --output /tmp/seed/Public --cache /tmp/seed/cache
#   python3 scripts/fuzz-cache-seeds.py /tmp/seed/cache Fuzz/Corpus
# Run it again when a cache's format changes (BuildCache.kind, ArticleMemo.kind, NamingTable, UnchangedBuild.kind): FuzzRegressionTests
# checks that the seeds are read.
import glob
import os
import sys

cache, corpus = sys.argv[1], sys.argv[2]
b = b''
pos = 0


def vint():
    """A number as BinaryWriter.int writes it: zigzag, then 7 bits a byte."""
    global pos
    r = 0
    s = 0
    while True:
        x = b[pos]
        pos += 1
        r |= (x & 0x7f) << s
        if x < 0x80:
            break
        s += 7
    return (r >> 1) ^ -(r & 1)


def sstr():
    global pos
    n = vint()
    v = b[pos:pos + n]
    pos += n
    return v


def flag():
    global pos
    pos += 1
    return b[pos - 1] == 1


def ostr():
    return sstr() if flag() else None


def enc(v):
    z = ((v << 1) ^ (v >> 63)) & ((1 << 64) - 1)
    o = bytearray()
    while z >= 0x80:
        o.append((z & 0x7f) | 0x80)
        z >>= 7
    o.append(z)
    return bytes(o)


def encs(s):
    return enc(len(s)) + s


def payload(file):
    """A cache file without its envelope (CacheFile): kind, generator, owner; the checksum at the end."""
    global b, pos
    b = open(file, 'rb').read()
    pos = 0
    for _ in range(3):
        sstr()
    b = b[pos:len(b) - 32]
    pos = 0
    return b


for shard in sorted(glob.glob(os.path.join(cache, 'articles-*', '[0-9a-f][0-9a-f].cache'))):
    data = payload(shard)
    if len(data) <= 8192:
        name = 'shard-' + os.path.basename(shard).replace('.cache', '.bin')
        open(os.path.join(corpus, 'article-memo', name), 'wb').write(data)
        print('article-memo/' + name, len(data), 'bytes')

for names in glob.glob(os.path.join(cache, 'articles-*', 'names.cache')):
    data = payload(names)
    open(os.path.join(corpus, 'naming-table', 'names.bin'), 'wb').write(data)
    print('naming-table/names.bin', len(data), 'bytes')

for record in glob.glob(os.path.join(cache, 'unchanged-*.cache')):
    data = payload(record)
    assert len(data) <= 8192, 'the record of a build with nothing to do is too large for a seed'
    open(os.path.join(corpus, 'unchanged-record', 'record.bin'), 'wb').write(data)
    print('unchanged-record/record.bin', len(data), 'bytes')

payload(glob.glob(os.path.join(cache, 'site-*.cache'))[0])
entries = []
for _ in range(vint()):
    start = pos
    sstr(); sstr(); sstr(); vint(); vint()
    for _ in range(vint()): sstr()
    for _ in range(vint()): sstr()
    fragments = vint()
    for _ in range(fragments): vint(); sstr()
    for _ in range(vint()): sstr(); sstr(); ostr(); ostr()
    sstr(); sstr()
    framed = flag()
    if framed:
        vint(); vint()
        for _ in range(4): sstr()
        ostr(); sstr()
        for _ in range(vint()):
            for _ in range(4): vint()
    entries.append((b[start:pos], framed, fragments))
files = []
for _ in range(vint()):
    path = sstr(); size = vint(); modified = vint()
    parts = [(sstr(), vint(), vint(), vint()) for _ in range(vint())]
    files.append((path, size, modified, parts, sstr()))
checked = [sstr() for _ in range(vint())]
linked = sstr()
# The related articles (RelatedLists): a key, the actors, four lists of numbers, the scores.
related = None
if flag():
    start = pos
    sstr()
    for _ in range(vint()): sstr()
    for _ in range(5):
        for _ in range(vint()): vint()
    related = b[start:pos]
assert pos == len(b), (pos, len(b))


def seed(name, chosen, records, checked_files, related_lists=None):
    o = enc(len(chosen)) + b''.join(chosen) + enc(len(records))
    for path, size, modified, parts, inputs in records:
        o += encs(path) + enc(size) + enc(modified) + enc(len(parts))
        for key, offset, length, extra in parts:
            o += encs(key) + enc(offset) + enc(length) + enc(extra)
        o += encs(inputs)
    o += enc(len(checked_files)) + b''.join(encs(c) for c in checked_files) + encs(linked)
    o += b'\x01' + related_lists if related_lists else b'\x00'
    open(os.path.join(corpus, 'build-cache', name), 'wb').write(o)
    print('build-cache/' + name, len(o), 'bytes')


small = sorted(entries, key=lambda e: len(e[0]))
framed = [e[0] for e in small if e[1] and len(e[0]) < 2500][:2]
by_id = [e[0] for e in small if e[2] > 0 and len(e[0]) < 3000][:1]
with_parts = [f for f in files if f[3]][:1]
seed('pages-with-frames.bin', framed, [], checked[:5])
seed('links-to-ids.bin', by_id, [], [])
seed('data-file-parts.bin', [], [(p, s, m, parts[:6], i) for p, s, m, parts, i in with_parts], checked[:3])
seed('empty.bin', [], [], [])
assert related and len(related) < 8000, 'the cache has no related articles, or too many for a seed'
seed('related-lists.bin', [], [], [], related)
