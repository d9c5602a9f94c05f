<#-- A WeChat notice telling a participant the 采纳情况 of a consultation is out; see disclosure.ftl. -->
first: 您参与的意见征集已公布采纳情况
keyword1: ${item.title?replace("\\s+", " ", "r")}
keyword2: 共收到意见${notice.total}条，采纳或部分采纳${notice.adopted}条
url: ${item.url!""}
