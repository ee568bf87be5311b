"""Finding what to fetch next on a page: link scoring, crawler traps, attachments, and the test for
pages whose links only scripts build. Each finder reads the parsed page, never raw HTML."""
