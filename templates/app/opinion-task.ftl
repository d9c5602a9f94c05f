<#-- An app notification to a division's contact about an opinion task; see disclosure.ftl. -->
title: 舆情回应任务${notice.what}
alert: ${item.title?replace("\\s+", " ", "r")}。${notice.deadline}。任务码${notice.code}
url: ${item.url!""}
