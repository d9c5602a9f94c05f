<#-- A Weibo post for a policy interpretation; see disclosure.ftl. -->
【政策解读】${item.title?replace("\\s+", " ", "r")} ${item.url!""}
