"""Scripts written so that no reader or filter sees what they do: each encoding is told,
and a portal's ordinary script holding the same words is not."""

import base64

import pytest

from extract.spam.scripts import script_findings

DOMAINS = ("fushun.gov.cn",)
MARKUP = "<div style=display:none><a href='http://www.q1z.example/'>福星棋牌</a></div>" * 4


@pytest.mark.parametrize(
    "script",
    [
        "eval(function(p,a,c,k,e,d){e=function(c){return c};return p}('0 1',2,2,'a|b'.split('|'),0,{}))",
        f"eval(atob('{base64.b64encode(MARKUP.encode()).decode()}'))",
        "var s='" + "".join(f"\\x{ord(c):02x}" for c in MARKUP[:60]) + "';",
        "var s=unescape('" + "".join(f"%u{ord(c):04x}" for c in MARKUP[:60]) + "');",
        "document.write(String.fromCharCode(" + ",".join(str(ord(c)) for c in MARKUP[:40]) + "));",
        "var f='DATA:TEXT/HTML;BASE64,PGRpdj4=';",
    ],
    ids=["packer", "base64", "hex_escapes", "unicode_escapes", "char_codes", "data_uri"],
)
def test_an_encoded_script_is_obfuscated(script):
    assert "obfuscated_script" in {f.kind for f in script_findings(script, DOMAINS)}


def test_a_portal_s_script_using_the_same_words_is_not():
    script = "function show(){var p=100%3;eval('1+1');document.write('<p>版权所有</p>');return atob('YQ==');}"
    assert "obfuscated_script" not in {f.kind for f in script_findings(script, DOMAINS)}
