<#-- The app notification correcting a recalled item (更正), for a push JPush refused to withdraw. One file per item
     kind; all share correction-fields.ftl. -->
<#include "correction-fields.ftl">
