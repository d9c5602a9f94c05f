<#-- An app notification telling a citizen their feedback was not taken; see disclosure.ftl. -->
title: 意见未能受理
alert: ${notice.reason}
url: ${item.url!""}
