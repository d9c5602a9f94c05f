<#-- A WeChat notice telling a citizen their message was not taken; see disclosure.ftl. -->
first: ${notice.reason}
keyword1: ${item.title?replace("\\s+", " ", "r")}
url: ${item.url!""}
