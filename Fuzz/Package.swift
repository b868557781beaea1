// swift-tools-version:5.4
// The libFuzzer targets (`make fuzz`). A separate package because SwiftPM from tools version 5.5
// renames an executable's `main`, and libFuzzer brings its own. Build it only through
// `scripts/fuzz.sh`: it needs `-sanitize=fuzzer -parse-as-library -enable-testing`.
import PackageDescription

let targets = [
    "article-loader", "dateline-reader", "tagged-reader", "markdown-reader", "note-reader",
    "paragraph-repair", "temporal-resolver", "actor-discovery", "markdown-escaping", "text-quote-match", "gazetteer",
    "build-cache", "article-memo", "naming-table", "unchanged-record",
]

let package = Package(
    name: "BriefingFuzz",
    products: targets.map { .executable(name: "fuzz-" + $0, targets: ["fuzz-" + $0]) },
    dependencies: [.package(name: "Briefing", path: "..")],
    targets: [
        .target(name: "FuzzChecks", dependencies: [.product(name: "BriefingKit", package: "Briefing")]),
    ] + targets.map {
        .executableTarget(name: "fuzz-" + $0, dependencies: ["FuzzChecks", .product(name: "BriefingKit", package: "Briefing")],
                          path: "Targets/" + $0)
    }
)
