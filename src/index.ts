export const resolver = () => undefined; export const onContentViewed = () => undefined; export const bylineProperties = () => undefined;
