// newsdex search page
