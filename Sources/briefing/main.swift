import CMarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

cmark_gfm_core_extensions_ensure_registered()
let md = "Hello *world*\n\nSecond para\n"
let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
for name in ["table", "strikethrough", "autolink", "tagfilter"] {
    let ext = cmark_find_syntax_extension(name)
    cmark_parser_attach_syntax_extension(parser, ext)
}
cmark_parser_feed(parser, md, md.utf8.count)
let doc = cmark_parser_finish(parser)!
let para = cmark_node_first_child(doc)!
let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
cmark_node_set_on_enter(custom, "<p id=\"p1\">")
cmark_node_set_on_exit(custom, "</p>\n")
var child = cmark_node_first_child(para)
while let c = child {
    let next = cmark_node_next(c)
    cmark_node_unlink(c)
    let ok = cmark_node_append_child(custom, c)
    print("append", ok)
    child = next
}
cmark_node_insert_before(para, custom)
cmark_node_unlink(para)
let html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))!
print(String(cString: html))
@_silgen_name("renameat2") func c_renameat2(_ a: Int32, _ b: UnsafePointer<CChar>, _ c: Int32, _ d: UnsafePointer<CChar>, _ f: UInt32) -> Int32
mkdir("/tmp/ra", 0o755); mkdir("/tmp/rb", 0o755)
print(c_renameat2(AT_FDCWD, "/tmp/ra", AT_FDCWD, "/tmp/rb", 2), errno)
