-- pcenter-bench's requests for wrk (https://github.com/wg/wrk): each thread of wrk walks its own
-- share of many real customer IDs, one request after another on each of its connections.
--
--   wrk -t T -c C -d 10s --latency -s pcenter.lua URL -- MODE PATH [IDS_FILE T [DATE]]
--
-- MODE get:   GET PATH, its {id} replaced by the thread's next ID.
-- MODE post:  POST PATH, its {id} replaced by the thread's next ID, with a Microsoft Cloud
--             Agreement body accepted on DATE by a contact of its own; each ID once as long as
--             the share lasts (then again from its start, which a server answers 409).
-- MODE fixed: GET PATH as it is.
--
-- Thread i of T (from 1) takes the lines i, i + T, i + 2T, ... of IDS_FILE (one ID a line),
-- so no two threads send the same ID. The bearer token, when there is one, comes from the
-- environment, PCENTER_BENCH_TOKEN, not the command line. At the end one line is printed for
-- pcenter-bench to read (latencies in microseconds; `status` counts every answer by its code):
--
--   pcenter-bench: requests=N duration_us=N p50_us=N p99_us=N max_us=N status=201:N,409:N
--     connect=N read=N write=N timeout=N   (all on one line)

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("index", #threads)
end

local mode, path, ids, next_id, headers, date
local sent = 0
counts = {}

function init(args)
   mode, path = args[1], args[2]
   headers = {}
   local token = os.getenv("PCENTER_BENCH_TOKEN")
   if token and token ~= "" then
      headers["Authorization"] = "Bearer " .. token
   end
   if mode == "post" then
      headers["Content-Type"] = "application/json"
      date = args[5]
   end
   if mode == "get" or mode == "post" then
      local of = tonumber(args[4])
      ids = {}
      local line = 0
      for id in io.lines(args[3]) do
         if line % of == index - 1 and id ~= "" then
            table.insert(ids, id)
         end
         line = line + 1
      end
      if #ids == 0 then
         error("no IDs for thread " .. index .. " in " .. args[3])
      end
      next_id = 0
   end
end

local function take_id()
   next_id = next_id % #ids + 1
   return ids[next_id]
end

function request()
   sent = sent + 1
   if mode == "get" then
      return wrk.format("GET", (path:gsub("{id}", take_id())), headers)
   elseif mode == "post" then
      local body = string.format(
         '{"primaryContact":{"firstName":"Wrk","lastName":"Client","email":"wrk.%d.%d@example.com"},'
            .. '"templateId":"998b88de-aa99-4388-a42c-1b3517d49490","dateAgreed":"%s",'
            .. '"type":"MicrosoftCloudAgreement"}',
         index, sent, date)
      return wrk.format("POST", (path:gsub("{id}", take_id())), headers, body)
   else
      return wrk.format("GET", path, headers)
   end
end

function response(status, headers, body)
   counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("counts")) do
         total[status] = (total[status] or 0) + n
      end
   end
   local codes = {}
   for status in pairs(total) do
      table.insert(codes, status)
   end
   table.sort(codes)
   local statuses = {}
   for _, status in ipairs(codes) do
      table.insert(statuses, status .. ":" .. total[status])
   end
   local errors = summary.errors
   io.write(string.format(
      "pcenter-bench: requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status=%s connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      latency.max, table.concat(statuses, ","), errors.connect, errors.read, errors.write,
      errors.timeout))
end
