-- bench/lib/cycle.lua — wrk script of bench_wrk (bench/lib/harness.sh): cycles through the requests of the
-- file given after "--", one a line, "METHOD PATH" or "METHOD PATH BODY" (a body is sent as JSON); each
-- thread starts at its own place. Counts every answer that is not 200, by status, and keeps the first one
-- (wrk's own "Non-2xx or 3xx" count lets 3xx through).
local threads = {}
function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end
function init(args)
    requests = {}
    for line in io.lines(args[1]) do
        local method, rest = line:match("^(%u+) (.*)$")
        if method then
            local path, body = rest:match("^(%S+) (.*)$")
            if path then
                -- wrk.format sets Host and Content-Length (bytes) itself; a fresh header table each time.
                requests[#requests + 1] = wrk.format(method, path, { ["Content-Type"] = "application/json" }, body)
            else
                requests[#requests + 1] = wrk.format(method, rest)
            end
        end
    end
    bad, codes, first = 0, {}, nil
    i = ((id or 1) - 1) * 7 % #requests
end
function request()
    i = i % #requests + 1
    return requests[i]
end
function response(status, headers, body)
    if status ~= 200 then
        bad = bad + 1
        codes[status] = (codes[status] or 0) + 1
        if first == nil then first = status .. " " .. string.sub(body or "", 1, 200) end
    end
end
function done(summary, latency, requests)
    local n, by, sample = 0, {}, nil
    for _, thread in ipairs(threads) do
        n = n + (thread:get("bad") or 0)
        for status, count in pairs(thread:get("codes") or {}) do by[status] = (by[status] or 0) + count end
        sample = sample or thread:get("first")
    end
    local parts = {}
    for status, count in pairs(by) do parts[#parts + 1] = string.format("%d x %s", count, status) end
    table.sort(parts)
    io.write(string.format("non200: %d %s\n", n, table.concat(parts, ", ")))
    if sample then io.write("first non-200: ", (string.gsub(sample, "\n", " ")), "\n") end
end
