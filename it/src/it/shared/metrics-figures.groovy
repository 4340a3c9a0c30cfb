// figures(File metricsCsv): the rows of a metrics.csv without its timing columns (seconds, samples_per_s, found by
// name), which no two runs share: what a resumed run must have in common with an uninterrupted one.
figures = { File csv ->
    def lines = csv.readLines().findAll { !it.isBlank() }
    def header = lines[0].split(',', -1) as List
    def timings = [header.indexOf('seconds'), header.indexOf('samples_per_s')]
    assert !timings.contains(-1) : header
    lines.collect { row -> (row.split(',', -1) as List).withIndex().findAll { v, i -> !(i in timings) }*.get(0) }
}
