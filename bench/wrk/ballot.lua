-- wrk script: POSTs a realistic ballot (50 cadre + 15 department entries, six picks, a
-- comment) with a different ballot code per request (issue 7).
--
-- Environment:
--   BALLOT_CODES     file with one ballot code per line (written by bench/seed.py)
--   BALLOT_SUBJECTS  file with lines "cadres 1 2 ...", "departments ...", "projects ..."
--   BALLOT_FROM      0-based index of the first code this run may use (default 0)
--   BALLOT_COUNT     how many codes from there this run may use (default: all the rest)
--   BALLOT_PATH      request path (default /v1/ballot; the Hummingbird peer uses /echo-ballot)
--   WRK_THREADS      the -t given to wrk (default 2): init runs before every thread exists
-- Each wrk thread takes its own contiguous slice of that range, so no code is sent twice.
-- A thread that runs out of codes starts its slice again; those requests get 409 and show up
-- as non-2xx responses, which the harness reports as a failed measure.

local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("id", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

local function read_lines(path)
   local lines = {}
   for line in io.lines(path) do
      if #line > 0 then table.insert(lines, line) end
   end
   return lines
end

local function read_subjects(path)
   local subjects = {}
   for _, line in ipairs(read_lines(path)) do
      local kind, ids = nil, {}
      for word in line:gmatch("%S+") do
         if kind == nil then kind = word else table.insert(ids, tonumber(word)) end
      end
      subjects[kind] = ids
   end
   return subjects
end

-- `count` distinct ids from `ids` (partial Fisher-Yates on a copy).
local function pick(ids, count)
   local copy = {}
   for i, v in ipairs(ids) do copy[i] = v end
   for i = 1, count do
      local j = math.random(i, #copy)
      copy[i], copy[j] = copy[j], copy[i]
   end
   local out = {}
   for i = 1, count do out[i] = copy[i] end
   return out
end

local function entry(kind, id)
   return string.format('{"%s":%d,"village_time":%d,"attitude":%d,"completion":%d}',
      kind, id, math.random(55, 100), math.random(55, 100), math.random(55, 100))
end

-- One ballot body: 50 cadres, 15 departments, most and least picks that differ.
local function make_ballot(subjects)
   local cadres = pick(subjects.cadres, math.min(50, #subjects.cadres))
   local departments = pick(subjects.departments, math.min(15, #subjects.departments))
   local projects = pick(subjects.projects, 2)
   local parts = {}
   for _, id in ipairs(cadres) do table.insert(parts, entry("cadre_id", id)) end
   for _, id in ipairs(departments) do table.insert(parts, entry("department_id", id)) end
   return string.format('{"supervision":[%s],'
      .. '"most_satisfied":{"cadre_id":%d,"department_id":%d,"project_id":%d},'
      .. '"least_satisfied":{"cadre_id":%d,"department_id":%d,"project_id":null},'
      .. '"comment":"希望多下村，多听群众意见"}',
      table.concat(parts, ","), cadres[1], departments[1], projects[1],
      cadres[2], departments[2])
end

local codes = {}
local bodies = {}
local next_code = 1
local path = "/v1/ballot"
used = 0

function init(args)
   math.randomseed(1000 + id)
   path = os.getenv("BALLOT_PATH") or path
   local all = read_lines(os.getenv("BALLOT_CODES"))
   local from = tonumber(os.getenv("BALLOT_FROM") or "0")
   local count = tonumber(os.getenv("BALLOT_COUNT") or tostring(#all - from))
   count = math.min(count, #all - from)
   local per = math.floor(count / tonumber(os.getenv("WRK_THREADS") or "2"))
   for i = 1, per do codes[i] = all[from + id * per + i] end
   local subjects = read_subjects(os.getenv("BALLOT_SUBJECTS"))
   for i = 1, 16 do bodies[i] = make_ballot(subjects) end
end

function request()
   local code = codes[next_code]
   next_code = next_code + 1
   if next_code > #codes then next_code = 1 end
   used = used + 1
   local headers = {
      ["Authorization"] = "Bearer " .. code,
      ["Content-Type"] = "application/json",
   }
   return wrk.format("POST", path, headers, bodies[(used % #bodies) + 1])
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do total = total + thread:get("used") end
   io.write(string.format("codes_used %d\n", total))
end
