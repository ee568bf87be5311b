# ruff: noqa: E501 - the script is kept as pages carry it, one statement a line
"""The pager TRS WCM list pages load: `createPageHTML(count, current, name, ext)` writes 首页,
上一页, 下一页 and 尾页 links with `document.write` (page 0 is name.ext, page N name_N.ext).

Written after the definition real TRS pages carry inline (the sample portal's column, and
../shared/corpus/real SOURCES.md #5); the bench portal serves it as /js/page.js, as sites whose
pages only call it do.
"""

TRS_PAGER_JS = """\
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
	if(_nPageCount == null || _nPageCount<=1){
		return;
	}
	var nCurrIndex = _nCurrIndex || 0;
	document.write("共" + _nPageCount + "页&nbsp;&nbsp;");
	if(nCurrIndex == 0){
		document.write("首页&nbsp;上一页&nbsp;");
	}else{
		document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a>&nbsp;");
		if(nCurrIndex == 1){
			document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">上一页</a>&nbsp;");
		}else{
			document.write("<a href=\\"" + _sPageName + "_" + (nCurrIndex-1) + "." + _sPageExt + "\\">上一页</a>&nbsp;");
		}
	}
	if(nCurrIndex == _nPageCount-1){
		document.write("下一页&nbsp;尾页");
	}else{
		document.write("<a href=\\"" + _sPageName + "_" + (nCurrIndex+1) + "." + _sPageExt + "\\">下一页</a>&nbsp;");
		document.write("<a href=\\"" + _sPageName + "_" + (_nPageCount-1) + "." + _sPageExt + "\\">尾页</a>");
	}
	document.write("&nbsp;&nbsp;转到第<input type='text' id='num' size='2' />页<input type='button' value='GO' onclick='toPage()' />");
}
"""
