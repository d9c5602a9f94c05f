<#-- An app notification for a policy interpretation; see disclosure.ftl. -->
title: 政策解读
alert: ${(item.issuer!"本机关")}发布政策解读《${item.title?replace("\\s+", " ", "r")}》
url: ${item.url!""}
