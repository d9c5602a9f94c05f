<#-- An app notification (JPush): "title: …", "alert: …" (the text shown), "url: …" (opened on tap). -->
title: ${(item.issuer!"政务公开")}
alert: ${(item.issuer!"本机关")}发布《${item.title?replace("\\s+", " ", "r")}》<#if related?has_content>，另有政策解读可查阅</#if>
url: ${item.url!""}
