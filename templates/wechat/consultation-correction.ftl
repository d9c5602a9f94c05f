<#-- The WeChat template message correcting a recalled item (更正), sent to followers a template message of it
     reached (a mass send is deleted instead). One file per item kind; all share correction-fields.ftl. -->
<#include "correction-fields.ftl">
