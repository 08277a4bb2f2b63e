-- A scripted Neovim session with `postlint server`: opens a post, waits for its
-- diagnostics, edits it, stops the server, and counts the lines Neovim logged from the
-- server's standard error (which it shows as errors). Expects 0.
--
-- Usage: POSTLINT=target/release/postlint SITE=fixtures/blog POST=posts/weekly-notes-42.md \
--          nvim --headless -u NONE -c "luafile scripts/nvim-lsp-session.lua"
vim.lsp.set_log_level("debug")
local log = vim.lsp.get_log_path()
os.remove(log)
local logged = {}
local client_id = vim.lsp.start_client({
  name = "postlint",
  cmd = { os.getenv("POSTLINT") or "target/release/postlint", "server" },
  root_dir = vim.fn.fnamemodify(os.getenv("SITE") or "fixtures/blog", ":p"),
  handlers = {
    ["window/logMessage"] = function(_, result) table.insert(logged, "LOG " .. result.message) end,
  },
})
vim.cmd("edit " .. vim.fn.fnamemodify(os.getenv("SITE") or "fixtures/blog", ":p") .. "/" .. (os.getenv("POST") or "posts/weekly-notes-42.md"))
vim.lsp.buf_attach_client(0, client_id)
vim.wait(3000, function() return #vim.diagnostic.get(0) > 0 end)
print("diagnostics: " .. #vim.diagnostic.get(0))
vim.api.nvim_buf_set_lines(0, 5, 5, false, {"## A new heading", ""})
vim.wait(1500)
print("diagnostics after edit: " .. #vim.diagnostic.get(0))
vim.lsp.stop_client(client_id)
vim.wait(1000, function() return vim.lsp.get_client_by_id(client_id) == nil end)
for _, l in ipairs(logged) do print(l) end
local f = io.open(log, "r")
local text = f and f:read("*a") or ""
local errs = 0
for line in text:gmatch("[^\n]+") do
  if line:find("stderr") or line:find("%[ERROR%]") then errs = errs + 1; print("LOGLINE " .. line:sub(1,200)) end
end
print("stderr/error lines in lsp.log: " .. errs)
vim.cmd("qa!")
