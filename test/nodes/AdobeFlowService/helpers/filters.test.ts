import { anyOf, exactFilter } from '../../../../nodes/AdobeFlowService/helpers/filters';

test('one quoting rule: the value in double quotes', () => {
	expect(exactFilter('name', 'Sales warehouse')).toBe('name=="Sales warehouse"');
	expect(exactFilter('name', 'a=b;c')).toBe('name=="a=b;c"');
});

test('a value with a comma (an OR-list) or a quote cannot be written: undefined', () => {
	expect(exactFilter('name', 'Sales, EU')).toBeUndefined();
	expect(exactFilter('name', 'the "main" one')).toBeUndefined();
});

test('an OR-list of ids', () => {
	expect(anyOf('connectionSpec.id', ['a', 'b'])).toBe('connectionSpec.id==a,b');
	expect(anyOf('connectionSpec.id', ['a'])).toBe('connectionSpec.id==a');
});
